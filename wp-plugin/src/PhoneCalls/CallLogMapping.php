<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * Which column of a call log holds which field of a call: guessed from the header's
 * names, changed on the import screen. A column holds at most one field.
 */
final class CallLogMapping
{
	/** Header names (lower case, without spaces and punctuation) that say which field a column is; the first that fits wins. */
	private const GUESSES = [
		IncomingCall::CALL_ID => '/^(callid|uniqueid|providercallid|id|звонокid|idзвонка)$/u',
		IncomingCall::RECORDING => '/(record|recording|запис)/u',
		IncomingCall::CALLER => '/(caller|callerid|from|src|source|clid|ani|кто|откуда|абонент|звонящ|номерклиента)/u',
		IncomingCall::CALLED => '/(called|calledn|to|dst|destination|dnis|did|trackingnumber|куда|номерсайта|виртуальн|набранн)/u',
		IncomingCall::START => '/(start|time|date|calldate|начал|дата|время)/u',
		IncomingCall::DURATION => '/(duration|billsec|talk|длит)/u',
		IncomingCall::STATUS => '/(status|disposition|result|answered|статус|результат)/u',
	];

	/** @param array<string, int> $columns field => column index */
	private function __construct(public readonly array $columns)
	{
	}

	/** @param list<string> $header */
	public static function guess(array $header): self
	{
		$columns = [];
		foreach (self::GUESSES as $field => $pattern) {
			foreach ($header as $index => $name) {
				$plain = (string) preg_replace('/[^\p{L}\p{N}]/u', '', function_exists('mb_strtolower') ? mb_strtolower($name) : strtolower($name));
				if (!in_array($index, $columns, true) && preg_match($pattern, $plain) === 1) {
					$columns[$field] = $index;
					break;
				}
			}
		}
		return self::ordered($columns);
	}

	/**
	 * The mapping the import screen sent: field => column index, "" or missing for none.
	 *
	 * @param mixed $input
	 * @param int   $width the number of columns of the log
	 */
	public static function fromInput(mixed $input, int $width): self
	{
		$columns = [];
		foreach (is_array($input) ? $input : [] as $field => $column) {
			if (!in_array($field, IncomingCall::FIELDS, true) || !is_scalar($column) || !ctype_digit((string) $column)) {
				continue;
			}
			$index = (int) $column;
			if ($index < $width && !in_array($index, $columns, true)) {
				$columns[$field] = $index;
			}
		}
		return self::ordered($columns);
	}

	/** @return list<string> the required fields no column holds */
	public function missing(): array
	{
		return array_values(array_diff(IncomingCall::REQUIRED, array_keys($this->columns)));
	}

	/**
	 * A row's fields by name, for IncomingCall::fromFields().
	 *
	 * @param list<string> $cells
	 * @return array<string, string>
	 */
	public function fields(array $cells): array
	{
		$fields = [];
		foreach ($this->columns as $field => $index) {
			$fields[$field] = $cells[$index] ?? '';
		}
		return $fields;
	}

	/** @param array<string, int> $columns */
	private static function ordered(array $columns): self
	{
		$ordered = [];
		foreach (IncomingCall::FIELDS as $field) {
			if (isset($columns[$field])) {
				$ordered[$field] = $columns[$field];
			}
		}
		return new self($ordered);
	}
}
