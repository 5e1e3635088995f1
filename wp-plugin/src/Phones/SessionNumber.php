<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

use LeadTrail\Ingest\IngestConfig;
use LeadTrail\Storage\BatchResult;
use LeadTrail\Storage\Statements;

/**
 * The number a hit's session is shown, and the hit answer's `phones` field
 * (docs/contracts.md, "Phone numbers"): a static rule's number at once, a pool's
 * through PoolTake's statements in the hit's write batch.
 */
final class SessionNumber
{
	private function __construct(
		private readonly PhoneSettings $settings,
		private readonly string $static,
		private readonly ?PoolTake $take = null,
	) {
	}

	/**
	 * null for a site without numbers: its hits stay as they were.
	 *
	 * @param array<string, string|null> $session a continued session's row with the pool number it holds (held_digits, held_pool), [] for a new session
	 */
	public static function plan(IngestConfig $config, SessionOrigin $origin, Statements $db, int $visitorId, int $sessionId, int $now, string $guard, array $session = []): ?self
	{
		$settings = $config->phones;
		if ($settings->isEmpty()) {
			return null;
		}
		$choice = $settings->choose($origin);
		if ($choice instanceof NumberPool) {
			$held = isset($session['held_digits']) && (int) ($session['held_pool'] ?? 0) === $choice->id ? (string) $session['held_digits'] : null;
			return new self($settings, '', new PoolTake($db, $choice, $visitorId, $sessionId, $now, $guard, $held, $config->takePause));
		}
		return new self($settings, $choice ?? '');
	}

	/** @return list<string> for the write batch, last before its COMMIT */
	public function statements(): array
	{
		return $this->take?->statements() ?? [];
	}

	/** @return list<string> for the write batch, after its COMMIT */
	public function reads(): array
	{
		return $this->take === null ? [] : [$this->take->read()];
	}

	/**
	 * After the read: for a new session that found its pool full, the count of "pool
	 * exhausted" (an extra round trip, in that case only).
	 *
	 * @param BatchResult|null $read the result of reads(), null when there was none
	 * @return list<string>
	 */
	public function afterRead(?BatchResult $read, bool $newSession): array
	{
		if ($this->take === null || !$newSession || ($read?->firstRow()['digits'] ?? null) !== null) {
			return [];
		}
		return [$this->take->exhausted()];
	}

	/**
	 * @param BatchResult|null $read the result of reads(), null when there was none
	 * @return array{site: list<string>, number: string|null, dynamic: bool, kind?: string, label?: string}
	 */
	public function answer(?BatchResult $read): array
	{
		if ($this->take === null) {
			return ['site' => $this->settings->site, 'number' => $this->static === '' ? null : $this->static, 'dynamic' => false] + $this->why($this->static);
		}
		$pool = $this->take->pool;
		$held = $read?->firstRow()['digits'] ?? null;
		$answer = ['site' => $this->settings->site, 'number' => $held ?? ($pool->fallback === '' ? null : $pool->fallback), 'dynamic' => $held !== null];
		// A pool's number or its fallback: the pool is the reason, no search of every number needed.
		if ($held !== null) {
			return $answer + ['kind' => 'pool', 'label' => $pool->numbersLabel()];
		}
		return $answer + ($pool->fallback === '' ? [] : ['kind' => 'fallback', 'label' => $pool->fallbackLabel()]);
	}

	/**
	 * Why the visit is shown $digits, for tools such as the inspector: the kind and label of its
	 * row in the numbers table (a number appears once in the settings, so its row is its reason).
	 *
	 * @return array{kind?: string, label?: string}
	 */
	private function why(string $digits): array
	{
		foreach ($digits === '' ? [] : $this->settings->numberRows() as $row) {
			if ($row['digits'] === $digits) {
				return ['kind' => $row['kind'], 'label' => $row['label']];
			}
		}
		return [];
	}
}
