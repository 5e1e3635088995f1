<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Reads a member of what a form plugin hands its hooks: an array, an ArrayAccess object or an
 * object with public properties; null when it is not there.
 */
final class Read
{
	public static function get(mixed $thing, string|int $key): mixed
	{
		if (is_array($thing)) {
			return $thing[$key] ?? null;
		}
		if ($thing instanceof \ArrayAccess) {
			return $thing->offsetExists($key) ? $thing[$key] : null;
		}
		if (is_object($thing) && is_string($key) && isset($thing->{$key})) {
			return $thing->{$key};
		}
		return null;
	}

	public static function text(mixed $thing, string|int $key): string
	{
		return CapturedField::text(self::get($thing, $key));
	}

	/** @return array<mixed> */
	public static function list(mixed $thing, string|int $key): array
	{
		$value = self::get($thing, $key);
		return is_array($value) ? $value : [];
	}

	/**
	 * Form fields from name => value pairs (a posted form): nested named values (Fluent Forms'
	 * "names" => [first_name, last_name]) become one field each.
	 *
	 * @param array<mixed>          $values
	 * @param array<string, string> $types  name => type, when the form plugin tells them
	 * @return list<CapturedField>
	 */
	public static function pairs(array $values, array $types = []): array
	{
		$fields = [];
		foreach ($values as $name => $value) {
			$name = (string) $name;
			if (is_array($value) && $value !== [] && !array_is_list($value)) {
				foreach ($value as $sub => $part) {
					$fields[] = new CapturedField($name . '[' . $sub . ']', (string) $sub, $types[$name] ?? 'text', CapturedField::text($part));
				}
				continue;
			}
			$fields[] = new CapturedField($name, '', $types[$name] ?? 'text', CapturedField::text($value));
		}
		return $fields;
	}
}
