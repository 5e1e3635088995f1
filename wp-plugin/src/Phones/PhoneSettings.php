<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

/**
 * The Phone numbers screen's settings, stored as JSON in one option that the hit
 * reads with its other options: the site's own numbers, the static numbers of
 * traffic-source rules (in order) and the pools (in order).
 *
 * A session gets the number of the first pool whose rule it matches, else the
 * number of the first static rule it matches, else none (the site's own number stays).
 */
final class PhoneSettings
{
	public const MAX_NUMBERS = 200;

	/**
	 * @param list<string>                                 $site  E.164 digits
	 * @param list<array{rule: NumberRule, number: string}> $rules
	 * @param list<NumberPool>                              $pools
	 */
	public function __construct(public readonly array $site, public readonly array $rules, public readonly array $pools)
	{
	}

	public static function none(): self
	{
		return new self([], [], []);
	}

	public function isEmpty(): bool
	{
		return $this->site === [] && $this->rules === [] && $this->pools === [];
	}

	/** The first pool, else the first static number, for a session from $origin; null for none. */
	public function choose(SessionOrigin $origin): NumberPool|string|null
	{
		foreach ($this->pools as $pool) {
			if ($pool->rule->matches($origin)) {
				return $pool;
			}
		}
		foreach ($this->rules as $rule) {
			if ($rule['rule']->matches($origin)) {
				return $rule['number'];
			}
		}
		return null;
	}

	/**
	 * The rows of the numbers table: every number with its kind, pool and label.
	 *
	 * @return list<array{digits: string, kind: string, pool_id: int, position: int, label: string}>
	 */
	public function numberRows(): array
	{
		$rows = [];
		foreach ($this->site as $position => $digits) {
			$rows[] = ['digits' => $digits, 'kind' => 'site', 'pool_id' => 0, 'position' => $position, 'label' => 'Site number'];
		}
		foreach ($this->rules as $position => $rule) {
			$rows[] = ['digits' => $rule['number'], 'kind' => 'static', 'pool_id' => 0, 'position' => $position, 'label' => $rule['rule']->label()];
		}
		foreach ($this->pools as $pool) {
			foreach ($pool->numbers as $position => $digits) {
				$rows[] = ['digits' => $digits, 'kind' => 'pool', 'pool_id' => $pool->id, 'position' => $position, 'label' => $pool->numbersLabel()];
			}
			if ($pool->fallback !== '') {
				$rows[] = ['digits' => $pool->fallback, 'kind' => 'fallback', 'pool_id' => $pool->id, 'position' => 0, 'label' => $pool->fallbackLabel()];
			}
		}
		return $rows;
	}

	public function toJson(): string
	{
		return (string) wp_json_encode([
			'site' => $this->site,
			'rules' => array_map(static fn (array $r): array => ['when' => $r['rule']->kind, 'value' => $r['rule']->value, 'number' => $r['number']], $this->rules),
			'pools' => array_map(static fn (NumberPool $p): array => [
				'label' => $p->label,
				'numbers' => $p->numbers,
				'hold' => $p->holdMinutes,
				'fallback' => $p->fallback,
				'when' => $p->rule->kind,
				'value' => $p->rule->value,
			], $this->pools),
		]);
	}

	/** The stored option; anything unreadable is no numbers at all. */
	public static function fromJson(string $json): self
	{
		$data = $json === '' ? null : json_decode($json, true);
		if (!is_array($data)) {
			return self::none();
		}
		$strings = static fn (mixed $list): array => is_array($list) ? array_values(array_filter($list, 'is_string')) : [];
		$rules = [];
		foreach (is_array($data['rules'] ?? null) ? $data['rules'] : [] as $rule) {
			if (is_array($rule) && is_string($rule['number'] ?? null)) {
				$rules[] = ['rule' => NumberRule::stored((string) ($rule['when'] ?? ''), (string) ($rule['value'] ?? '')), 'number' => $rule['number']];
			}
		}
		$pools = [];
		foreach (is_array($data['pools'] ?? null) ? $data['pools'] : [] as $pool) {
			if (is_array($pool)) {
				$pools[] = new NumberPool(
					count($pools) + 1,
					(string) ($pool['label'] ?? ''),
					$strings($pool['numbers'] ?? null),
					max(1, (int) ($pool['hold'] ?? NumberPool::DEFAULT_HOLD_MINUTES)),
					(string) ($pool['fallback'] ?? ''),
					NumberRule::stored((string) ($pool['when'] ?? 'any'), (string) ($pool['value'] ?? '')),
				);
			}
		}
		return new self($strings($data['site'] ?? null), $rules, $pools);
	}
}
