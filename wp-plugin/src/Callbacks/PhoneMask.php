<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Support\Utf8;

/**
 * The sitephone form's phone mask (A9), as the settings page accepts it: "_" is a
 * digit the visitor types, anything else is shown as it is ("+7 (___) ___-__-__").
 */
final class PhoneMask
{
	public const MAX_LENGTH = 40;
	public const MIN_DIGITS = 7;
	public const MAX_DIGITS = 15;

	/**
	 * The mask trimmed, "" for none, or null when it is not a mask: more than 40
	 * characters, not 7..15 "_", control characters or invalid UTF-8.
	 */
	public static function parse(mixed $value): ?string
	{
		if ($value === null) {
			return '';
		}
		if (!is_string($value) || !Utf8::isValid($value)) {
			return null;
		}
		$mask = trim($value);
		if ($mask === '') {
			return '';
		}
		if (Utf8::length($mask) > self::MAX_LENGTH || preg_match('/[\x00-\x1F\x7F]/', $mask) === 1) {
			return null;
		}
		$digits = substr_count($mask, '_');
		return $digits >= self::MIN_DIGITS && $digits <= self::MAX_DIGITS ? $mask : null;
	}
}
