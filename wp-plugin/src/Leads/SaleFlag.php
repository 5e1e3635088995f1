<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * is_sale (A4, A6): a boolean, or what forms and server code make of one
 * (PHP's http_build_query(true) sends "1", a checkbox "on", Python "True").
 */
final class SaleFlag
{
	private const TRUE = ['true', '1', 'on', 'yes'];
	private const FALSE = ['false', '0', 'off', 'no'];

	/** The flag, or null when $value is not one. The caller has ruled out "not given". */
	public static function parse(mixed $value): ?bool
	{
		if (is_bool($value)) {
			return $value;
		}
		if ($value === 1 || $value === 0) {
			return $value === 1;
		}
		if (!is_string($value)) {
			return null;
		}
		$text = strtolower(trim($value));
		if (in_array($text, self::TRUE, true)) {
			return true;
		}
		return in_array($text, self::FALSE, true) ? false : null;
	}
}
