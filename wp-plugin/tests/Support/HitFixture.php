<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

/**
 * The site the hit service tests post to, and a hit's body for it.
 */
final class HitFixture
{
	public const KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
	public const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

	/** @param array<string, mixed> $changes fields to set or replace */
	public static function body(array $changes = []): string
	{
		return json_encode(array_merge([
			'site_key' => self::KEY,
			'url' => 'https://shop.example/',
			'referrer' => '',
			'title' => '',
		], $changes), JSON_THROW_ON_ERROR);
	}
}
