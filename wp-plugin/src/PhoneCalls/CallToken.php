<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * The calls webhook's secret token: made when first shown, replaced by the
 * settings' "Regenerate" button, compared in constant time.
 */
final class CallToken
{
	private const LENGTH = 48;
	private const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

	/** The token, made now if the site has none yet. */
	public static function current(): string
	{
		$token = (string) get_option(CallOptions::TOKEN, '');
		if (!self::wellFormed($token)) {
			$token = self::regenerate();
		}
		return $token;
	}

	public static function regenerate(): string
	{
		$token = self::fresh();
		update_option(CallOptions::TOKEN, $token, false);
		return $token;
	}

	public static function fresh(): string
	{
		$last = strlen(self::ALPHABET) - 1;
		$token = '';
		for ($i = 0; $i < self::LENGTH; $i++) {
			$token .= self::ALPHABET[random_int(0, $last)];
		}
		return $token;
	}

	/** Whether $given is $stored; a site with no token yet accepts nothing. */
	public static function matches(string $stored, string $given): bool
	{
		return self::wellFormed($stored) && hash_equals($stored, $given);
	}

	private static function wellFormed(string $token): bool
	{
		return preg_match('/^[A-Za-z0-9]{' . self::LENGTH . '}$/', $token) === 1;
	}

	/**
	 * The token a request carries: "Authorization: Bearer …" first, else its token field.
	 *
	 * @param string|null $authorization the Authorization header
	 * @param mixed       $field         the token field of the body or query
	 */
	public static function given(?string $authorization, mixed $field): ?string
	{
		if ($authorization !== null && preg_match('/^\s*Bearer\s+(\S+)\s*$/i', $authorization, $match) === 1) {
			return $match[1];
		}
		return is_string($field) && $field !== '' ? $field : null;
	}
}
