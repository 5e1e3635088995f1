<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

/**
 * Reads the Phone numbers screen's form into PhoneSettings, refusing the first
 * bad input with the name of its field. Rows left blank are skipped.
 */
final class PhoneSettingsForm
{
	public const MAX_LABEL = 100;

	/** @var array<string, string> digits => the field that used them first */
	private array $seen = [];

	/**
	 * @param array<string, mixed> $post the unslashed form fields
	 * @throws InvalidPhoneSettings
	 */
	public static function parse(array $post): PhoneSettings
	{
		return (new self())->read($post);
	}

	/** @param array<string, mixed> $post */
	private function read(array $post): PhoneSettings
	{
		$site = $this->numberLines(self::text($post['site'] ?? ''), __('Site numbers', 'leadtrail'));

		$rules = [];
		foreach (self::rows($post['rules'] ?? null) as $index => $row) {
			$number = self::text($row['number'] ?? '');
			if (trim($number) === '') {
				continue;
			}
			/* translators: %d: the rule's position, from 1 */
			$name = sprintf(__('Rule %d', 'leadtrail'), $index + 1);
			$rule = NumberRule::parse(self::text($row['when'] ?? ''), self::text($row['value'] ?? ''), $name . ', ' . __('condition', 'leadtrail'));
			$rules[] = ['rule' => $rule, 'number' => $this->number($number, $name . ', ' . __('number', 'leadtrail'))];
		}

		$pools = [];
		foreach (self::rows($post['pools'] ?? null) as $index => $row) {
			$lines = self::text($row['numbers'] ?? '');
			$fallback = self::text($row['fallback'] ?? '');
			if (trim($lines) === '' && trim($fallback) === '') {
				continue;
			}
			/* translators: %d: the pool's position, from 1 */
			$name = sprintf(__('Pool %d', 'leadtrail'), $index + 1);
			$numbers = $this->numberLines($lines, $name . ', ' . __('numbers', 'leadtrail'));
			if ($numbers === []) {
				throw new InvalidPhoneSettings($name . ', ' . __('numbers', 'leadtrail'), __('enter at least one number, one a line.', 'leadtrail'));
			}
			$hold = filter_var(trim(self::text($row['hold'] ?? '')), FILTER_VALIDATE_INT, ['options' => ['min_range' => 1, 'max_range' => NumberPool::MAX_HOLD_MINUTES]]);
			if ($hold === false) {
				throw new InvalidPhoneSettings($name . ', ' . __('hold time', 'leadtrail'), sprintf(
					/* translators: %d: most minutes */
					__('enter whole minutes from 1 to %d.', 'leadtrail'),
					NumberPool::MAX_HOLD_MINUTES
				));
			}
			$label = trim(self::text($row['label'] ?? ''));
			if (mb_strlen($label) > self::MAX_LABEL) {
				throw new InvalidPhoneSettings($name . ', ' . __('name', 'leadtrail'), sprintf(
					/* translators: %d: most characters */
					__('use at most %d characters.', 'leadtrail'),
					self::MAX_LABEL
				));
			}
			$when = self::text($row['when'] ?? '');
			$pools[] = new NumberPool(
				count($pools) + 1,
				$label === '' ? $name : $label,
				$numbers,
				$hold,
				$this->fallback($fallback, $name . ', ' . __('fallback number', 'leadtrail')),
				NumberRule::parse($when === '' ? 'any' : $when, self::text($row['value'] ?? ''), $name . ', ' . __('condition', 'leadtrail')),
			);
		}

		if (count($this->seen) > PhoneSettings::MAX_NUMBERS) {
			throw new InvalidPhoneSettings(__('Numbers', 'leadtrail'), sprintf(
				/* translators: %d: most numbers */
				__('use at most %d numbers in all.', 'leadtrail'),
				PhoneSettings::MAX_NUMBERS
			));
		}
		return new PhoneSettings($site, $rules, $pools);
	}

	/** @return list<string> the digits of each non-empty line */
	private function numberLines(string $lines, string $field): array
	{
		$numbers = [];
		foreach (preg_split('/\R/', $lines) ?: [] as $line => $text) {
			if (trim($text) !== '') {
				/* translators: 1: the field, 2: the line, from 1 */
				$numbers[] = $this->number($text, sprintf(__('%1$s, line %2$d', 'leadtrail'), $field, $line + 1));
			}
		}
		return $numbers;
	}

	/** The number shown when every number of a pool is held: required, so that no visitor is left without one. */
	private function fallback(string $text, string $field): string
	{
		if (trim($text) === '') {
			throw new InvalidPhoneSettings($field, __('enter the number shown when every number of the pool is held.', 'leadtrail'));
		}
		return $this->number($text, $field);
	}

	/** Digits that no other field uses: a number points to one source only. */
	private function number(string $text, string $field): string
	{
		$digits = PhoneNumber::normalise($text);
		if ($digits === null) {
			throw new InvalidPhoneSettings($field, sprintf(
				/* translators: 1: fewest digits, 2: most digits */
				__('enter a phone number of %1$d to %2$d digits, such as +7 (495) 182-51-68.', 'leadtrail'),
				PhoneNumber::MIN_DIGITS,
				PhoneNumber::MAX_DIGITS
			));
		}
		if (isset($this->seen[$digits])) {
			throw new InvalidPhoneSettings($field, sprintf(
				/* translators: 1: the number, 2: the other field */
				__('%1$s is already used by %2$s; each number can stand for one source only.', 'leadtrail'),
				PhoneNumber::format($digits),
				$this->seen[$digits]
			));
		}
		$this->seen[$digits] = $field;
		return $digits;
	}

	private static function text(mixed $value): string
	{
		return is_string($value) ? $value : '';
	}

	/** @return list<array<string, mixed>> */
	private static function rows(mixed $rows): array
	{
		return is_array($rows) ? array_values(array_filter($rows, 'is_array')) : [];
	}
}
