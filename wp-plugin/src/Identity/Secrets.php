<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

/**
 * Generates the site key and the token secret from the CSPRNG.
 */
final class Secrets
{
	private const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

	/** 32 characters [A-Za-z0-9]: a site key (SiteKey) that any code that reads one takes. */
	public static function siteKey(): string
	{
		$last = strlen(self::KEY_ALPHABET) - 1;
		$key = '';
		for ($i = 0; $i < 32; $i++) {
			$key .= self::KEY_ALPHABET[random_int(0, $last)];
		}
		return $key;
	}

	/** 64 hex characters: 256 bits for the HMAC of visitor tokens. */
	public static function tokenSecret(): string
	{
		return bin2hex(random_bytes(32));
	}
}
