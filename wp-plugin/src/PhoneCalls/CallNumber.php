<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * A phone number of a call as E.164 digits without "+", the form the numbers
 * table keeps: "+7 (495) 182-51-68", "8 495 182 51 68", "0074951825168" and
 * "74951825168" are all 74951825168.
 */
final class CallNumber
{
	public const MIN_DIGITS = 7;
	public const MAX_DIGITS = 15;
	private const MAX_LENGTH = 64;

	public static function normalize(mixed $value): ?string
	{
		if (is_int($value)) {
			$value = (string) $value;
		}
		if (!is_string($value) || strlen($value) > self::MAX_LENGTH) {
			return null;
		}
		$digits = preg_replace('/[\s()\-.\/]/', '', trim($value));
		if (!is_string($digits)) {
			return null;
		}
		if (str_starts_with($digits, '+')) {
			$digits = substr($digits, 1);
		} elseif (str_starts_with($digits, '00')) {
			// The international call prefix most PBXs log instead of "+".
			$digits = substr($digits, 2);
		} elseif (strlen($digits) === 11 && str_starts_with($digits, '8')) {
			// Russia's trunk prefix: 8 495 … is +7 495 …, as call logs there write it.
			$digits = '7' . substr($digits, 1);
		}
		return preg_match('/^[1-9][0-9]{' . (self::MIN_DIGITS - 1) . ',' . (self::MAX_DIGITS - 1) . '}$/', $digits) === 1 ? $digits : null;
	}
}
