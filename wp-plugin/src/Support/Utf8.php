<?php

declare(strict_types=1);

namespace LeadTrail\Support;

/**
 * UTF-8 checks that work without mbstring, which WordPress does not require.
 */
final class Utf8
{
	public static function isValid(string $text): bool
	{
		return preg_match('//u', $text) === 1;
	}

	/** Length in code points; the caller has checked that $text is valid UTF-8. */
	public static function length(string $text): int
	{
		return (int) preg_match_all('/./su', $text);
	}

	/** The first $max code points of valid UTF-8 $text. */
	public static function truncate(string $text, int $max): string
	{
		if (strlen($text) <= $max) {
			return $text;
		}
		preg_match('/^.{0,' . $max . '}/su', $text, $match);
		return $match[0];
	}
}
