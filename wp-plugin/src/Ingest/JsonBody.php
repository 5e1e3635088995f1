<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Support\Utf8;
use stdClass;

/**
 * The decoded JSON object of a request to a public endpoint, and the checks
 * every field goes through. Nothing a visitor sends is trusted: a bad field
 * is refused with a code that names it (missing_<field> / invalid_<field>).
 */
final class JsonBody
{
	/**
	 * Bodies up to this size are parsed, so that an over-long field is named in the
	 * refusal; larger ones are refused unread.
	 */
	public const MAX_BYTES = 1048576;
	private const MAX_DEPTH = 16;

	/**
	 * @param array<string|int, mixed> $fields  the decoded object's members
	 * @param list<string>             $notUtf8 names of fields whose raw bytes were not UTF-8
	 */
	private function __construct(
		private readonly array $fields,
		private readonly array $notUtf8,
	) {
	}

	/**
	 * Checks the HTTP method and size, then decodes the body.
	 *
	 * @param int $declaredLength the Content-Length the client declared, 0 when unknown; a body
	 *                            declared too large may be passed unread as ""
	 */
	public static function fromHttp(string $method, string $body, int $declaredLength = 0): self
	{
		if (strtoupper($method) !== 'POST') {
			throw new Refusal(405, 'method_not_allowed', 'method', 'Only POST is allowed.');
		}
		if (strlen($body) > self::MAX_BYTES || $declaredLength > self::MAX_BYTES) {
			throw new Refusal(413, 'payload_too_large', 'body', 'The body is larger than 1 MiB.');
		}
		return self::fromJson($body);
	}

	public static function fromJson(string $body): self
	{
		$notUtf8 = [];
		if (Utf8::isValid($body)) {
			$data = self::decode($body, 0);
		} else {
			// Decode twice, substituting and dropping the bad bytes: a field that comes
			// out differently held invalid UTF-8, so the refusal can name that field.
			$data = self::decode($body, JSON_INVALID_UTF8_SUBSTITUTE);
			$stripped = self::decode($body, JSON_INVALID_UTF8_IGNORE);
			foreach (get_object_vars($data) as $name => $value) {
				// Compared as JSON: two decoded objects are never identical (!==), even when equal.
				if (!property_exists($stripped, (string) $name)
					|| json_encode($stripped->{$name}) !== json_encode($value)) {
					$notUtf8[] = (string) $name;
				}
			}
		}
		return new self(get_object_vars($data), $notUtf8);
	}

	/**
	 * @param array<string|int, mixed> $fields  an already decoded object
	 * @param list<string>             $notUtf8 names of fields whose raw bytes were not UTF-8
	 */
	public static function fromFields(array $fields, array $notUtf8 = []): self
	{
		return new self($fields, $notUtf8);
	}

	/**
	 * The decoded members as they are (objects as stdClass), for callers with rules of their own.
	 *
	 * @return array<string|int, mixed>
	 */
	public function fields(): array
	{
		return $this->fields;
	}

	/**
	 * Names of fields whose raw bytes were not UTF-8 (their decoded values hold U+FFFD instead).
	 *
	 * @return list<string>
	 */
	public function invalidUtf8Fields(): array
	{
		return $this->notUtf8;
	}

	/** Whether the field is there at all (null included). */
	public function has(string $name): bool
	{
		return array_key_exists($name, $this->fields);
	}

	/** A required string of at most $max characters of valid UTF-8. */
	public function string(string $name, int $max): string
	{
		if (!$this->has($name)) {
			throw Refusal::missing($name);
		}
		return $this->text($name, $this->fields[$name], $max);
	}

	/**
	 * An optional string: absent or null gives null.
	 *
	 * @param bool $numbers take a JSON number as its decimal text
	 */
	public function optionalString(string $name, int $max, bool $numbers = false): ?string
	{
		$value = $this->fields[$name] ?? null;
		if ($value === null) {
			return null;
		}
		if ($numbers && (is_int($value) || is_float($value))) {
			$value = self::numberText($value);
		}
		return $this->text($name, $value, $max);
	}

	/** A required positive integer (a JSON number, not a string). */
	public function positiveInt(string $name): int
	{
		if (!$this->has($name)) {
			throw Refusal::missing($name);
		}
		$value = $this->fields[$name];
		if (!is_int($value) || $value < 1) {
			throw Refusal::invalid($name, $name . ' must be a positive integer.');
		}
		return $value;
	}

	/** The decimal text of a JSON number, as JavaScript's String() writes the common ones. */
	public static function numberText(int|float $number): string
	{
		if (is_int($number)) {
			return (string) $number;
		}
		if ($number == 0) {
			return '0';
		}
		// JavaScript writes whole numbers below 1e21 in full.
		if (floor($number) === $number && abs($number) < 1e21) {
			return sprintf('%.0f', $number);
		}
		// PHP's shortest round-trip form (serialize_precision -1): 0.1 stays "0.1", 1.0e+21 becomes 1e+21.
		return str_replace('.0e', 'e', (string) json_encode($number));
	}

	private function text(string $name, mixed $value, int $max): string
	{
		if (!is_string($value)) {
			throw Refusal::invalid($name, $name . ' must be a string.');
		}
		if (in_array($name, $this->notUtf8, true) || !Utf8::isValid($value)) {
			throw Refusal::invalid($name, $name . ' must be valid UTF-8.');
		}
		// A string has at least as many bytes as characters: count only when it might be too long.
		if (strlen($value) > $max && Utf8::length($value) > $max) {
			throw Refusal::invalid($name, sprintf('%s must be at most %d characters.', $name, $max));
		}
		return $value;
	}

	private static function decode(string $body, int $flags): stdClass
	{
		try {
			$data = json_decode($body, false, self::MAX_DEPTH, $flags | JSON_THROW_ON_ERROR);
		} catch (\JsonException) {
			$data = null;
		}
		if (!$data instanceof stdClass) {
			throw new Refusal(400, 'invalid_json', 'body', 'The body must be a JSON object.');
		}
		return $data;
	}
}
