<?php

declare(strict_types=1);

namespace LeadTrail\Contacts;

/**
 * An e-mail address, syntax checked. International addresses (пример@почта.рф)
 * are accepted, since the sites this serves are often Russian. Two addresses are
 * the same when they match without regard to case or surrounding spaces.
 */
final class EmailAddress
{
	/** RFC 5321's limit for a whole address. */
	public const MAX_LENGTH = 254;
	private const MAX_LOCAL = 64;

	/** The trimmed, lower-cased address, or null when $email is not an address. */
	public static function normalize(string $email): ?string
	{
		$email = trim($email, " \t\n\r");
		if ($email === '' || strlen($email) > 4 * self::MAX_LENGTH) {
			return null;
		}
		// A dot-atom local part (letters of any script, digits and RFC 5322's symbols),
		// an "@", and a domain of at least two labels whose last one is letters only.
		$atom = "[\\p{L}\\p{N}!#$%&'*+\\/=?^_`{|}~-]+";
		$label = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
		$pattern = "/^(?<local>{$atom}(?:\\.{$atom})*)@(?<domain>(?:{$label}\\.)+\\p{L}{2,63})$/u";
		if (preg_match($pattern, $email, $match) !== 1 || self::length($match['local']) > self::MAX_LOCAL) {
			return null;
		}
		return self::lower($email);
	}

	private static function length(string $text): int
	{
		return (int) preg_match_all('/./su', $text);
	}

	private static function lower(string $text): string
	{
		return function_exists('mb_strtolower') ? mb_strtolower($text, 'UTF-8') : strtolower($text);
	}
}
