<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Support\Utf8;

/**
 * user_fields (F2): extra named values kept with a request, in the order given.
 */
final class UserFields
{
	public const FIELD = 'user_fields';
	public const MAX_ENTRIES = 50;
	public const MAX_NAME = 255;
	public const MAX_VALUE = 1000;

	/**
	 * @param mixed $value    a decoded JSON object (stdClass), or an array from a form
	 *                        (`user_fields[name]=value`); the caller has ruled out "not given"
	 * @param bool  $fromForm whether $value came from a form; from JSON an array is a JSON array,
	 *                        which has no names: `["a"]` is refused, never kept as {"0":"a"}
	 * @return array<string, string> name => value
	 * @throws Refusal invalid_user_fields
	 */
	public static function parse(mixed $value, bool $fromForm): array
	{
		if ($value instanceof \stdClass) {
			$value = get_object_vars($value);
		} elseif (!$fromForm || !is_array($value)) {
			throw self::invalid('user_fields must be an object of names and values.');
		}
		if (count($value) > self::MAX_ENTRIES) {
			throw self::invalid(sprintf('user_fields may have at most %d entries.', self::MAX_ENTRIES));
		}

		$fields = [];
		foreach ($value as $name => $item) {
			$name = (string) $name;
			if ($name === '' || str_contains($name, "\0") || !Utf8::isValid($name) || Utf8::length($name) > self::MAX_NAME) {
				throw self::invalid(sprintf('user_fields names must be 1 to %d characters of valid UTF-8, without NUL.', self::MAX_NAME));
			}
			if (is_int($item) || is_float($item)) {
				$item = JsonBody::numberText($item);
			}
			if (!is_string($item)) {
				throw self::invalid(sprintf('user_fields["%s"] must be text or a number.', Utf8::truncate($name, 40)));
			}
			if (!Utf8::isValid($item) || (strlen($item) > self::MAX_VALUE && Utf8::length($item) > self::MAX_VALUE)) {
				throw self::invalid(sprintf(
					'user_fields["%s"] must be at most %d characters of valid UTF-8.',
					Utf8::truncate($name, 40),
					self::MAX_VALUE,
				));
			}
			$fields[$name] = $item;
		}
		return $fields;
	}

	/**
	 * As stored: a JSON object (never a list, even for names "0", "1"), null when empty.
	 *
	 * @param array<string|int, string> $fields
	 */
	public static function toJson(array $fields): ?string
	{
		if ($fields === []) {
			return null;
		}
		return json_encode($fields, JSON_FORCE_OBJECT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
	}

	/**
	 * The stored JSON back as names and values; [] for NULL or anything unreadable.
	 *
	 * @return array<string, string>
	 */
	public static function fromJson(?string $json): array
	{
		if ($json === null || $json === '') {
			return [];
		}
		$decoded = json_decode($json, true);
		if (!is_array($decoded)) {
			return [];
		}
		$fields = [];
		foreach ($decoded as $name => $value) {
			$fields[(string) $name] = is_scalar($value) ? (string) $value : '';
		}
		return $fields;
	}

	private static function invalid(string $message): Refusal
	{
		return Refusal::invalid(self::FIELD, $message);
	}
}
