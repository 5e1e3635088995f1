<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

/**
 * A valid identity for the request classes' tests, and bodies built on it.
 */
final class CallFields
{
	/** Marks a field to leave out of the body. */
	public const MISSING = '__missing__';

	/**
	 * @param array<string, mixed> $fields the operation's fields; self::MISSING removes one
	 * @return array<string, mixed>
	 */
	public static function with(array $fields): array
	{
		$all = array_merge([
			'visitor_id' => 17,
			'session_id' => 4,
			'hit_id' => 99,
			'token' => '17.sig',
			'request_id' => 'req_0123456789-ab',
		], $fields);
		return array_filter($all, static fn (mixed $value): bool => $value !== self::MISSING);
	}

	/** @param array<string, mixed> $fields */
	public static function json(array $fields): string
	{
		return json_encode(self::with($fields), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
	}

	/**
	 * A JSON body whose $field holds raw bytes that are not UTF-8.
	 *
	 * @param array<string, mixed> $fields
	 */
	public static function jsonWithBadBytes(array $fields, string $field): string
	{
		$fields[$field] = 'PLACEHOLDER';
		return str_replace('PLACEHOLDER', "ab\xFF\xFEcd", self::json($fields));
	}
}
