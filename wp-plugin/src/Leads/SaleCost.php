<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * sale_cost (A4, A6): the deal amount, a number or the text of one, from 0 to
 * 10^12, kept in cents as DECIMAL(15,2) text ("9999.00").
 */
final class SaleCost
{
	public const MAX = 1000000000000;

	/** "<digits>.<2 digits>", or null when $value is not an amount. The caller has ruled out "not given". */
	public static function parse(mixed $value): ?string
	{
		if (is_string($value)) {
			$text = trim($value);
			// Digits, and at most one decimal point or comma (Russian forms write "9999,50").
			if (preg_match('/^([0-9]{1,13})(?:[.,]([0-9]{1,20}))?$/', $text, $match) !== 1) {
				return null;
			}
			$value = (float) ($match[1] . '.' . ($match[2] ?? '0'));
		}
		if (is_int($value)) {
			$value = (float) $value;
		}
		if (!is_float($value) || !is_finite($value) || $value < 0 || $value > self::MAX) {
			return null;
		}
		// Up to 10^12 with cents is 15 significant digits: exact enough in a double.
		return number_format(round($value, 2), 2, '.', '');
	}
}
