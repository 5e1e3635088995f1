<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

/**
 * The shape of a site key wherever one is read: 32 characters of [A-Za-z0-9_-].
 * The vendor issues keys with `_` and `-` in them, and pages and server code
 * written for it pass those keys on; ours (Secrets) use the letters and digits only.
 */
final class SiteKey
{
	public const LENGTH = 32;
	/** `\z`, not `$`: `$` would also let a trailing newline through. */
	public const PATTERN = '/^[A-Za-z0-9_-]{32}\z/';
	/** What a refusal says a key must be. */
	public const RULE = '32 characters: letters, digits, "_" or "-"';

	public static function isValid(mixed $key): bool
	{
		return is_string($key) && preg_match(self::PATTERN, $key) === 1;
	}
}
