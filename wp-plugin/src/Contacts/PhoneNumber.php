<?php

declare(strict_types=1);

namespace LeadTrail\Contacts;

/**
 * A phone number as a visitor typed it: 7 to 15 digits (E.164 allows 15) once
 * the usual separators "+ ( ) - ." and spaces are taken out. Two numbers are
 * the same when their digits are.
 */
final class PhoneNumber
{
	public const MIN_DIGITS = 7;
	public const MAX_DIGITS = 15;
	/** The longest text accepted as given, separators included. */
	public const MAX_LENGTH = 64;

	/** The digits of $phone, or null when it is not a phone number. */
	public static function normalize(string $phone): ?string
	{
		$digits = preg_replace('/[+()\-. ]/', '', $phone);
		if (!is_string($digits) || preg_match('/^[0-9]{' . self::MIN_DIGITS . ',' . self::MAX_DIGITS . '}$/', $digits) !== 1) {
			return null;
		}
		return $digits;
	}
}
