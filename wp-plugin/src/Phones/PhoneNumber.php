<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

/**
 * A phone number as stored (E.164 digits without "+") and as shown.
 */
final class PhoneNumber
{
	public const MIN_DIGITS = 8;
	public const MAX_DIGITS = 15;

	/**
	 * The E.164 digits of a number typed in any usual way ("+7 (495) 182-51-68",
	 * "8 495 182 51 68", "74951825168"), or null when it is not a phone number.
	 * A national "8" before ten digits is Russia's trunk prefix, the "+7" of E.164.
	 */
	public static function normalise(string $input): ?string
	{
		$input = trim($input);
		if (preg_match('/^\+?[0-9][0-9 ().\-]*$/', $input) !== 1) {
			return null;
		}
		$digits = (string) preg_replace('/\D/', '', $input);
		if (!str_starts_with($input, '+') && strlen($digits) === 11 && $digits[0] === '8') {
			$digits = '7' . substr($digits, 1);
		}
		$length = strlen($digits);
		if ($length < self::MIN_DIGITS || $length > self::MAX_DIGITS || $digits[0] === '0') {
			return null;
		}
		return $digits;
	}

	/** Stored digits as people read them: "+7 (495) 182-51-68", "+1 (555) 123-4567", else "+" and the digits. */
	public static function format(string $digits): string
	{
		if (preg_match('/^7(\d{3})(\d{3})(\d{2})(\d{2})$/', $digits, $m) === 1) {
			return "+7 ({$m[1]}) {$m[2]}-{$m[3]}-{$m[4]}";
		}
		if (preg_match('/^1(\d{3})(\d{3})(\d{4})$/', $digits, $m) === 1) {
			return "+1 ({$m[1]}) {$m[2]}-{$m[3]}";
		}
		return '+' . $digits;
	}
}
