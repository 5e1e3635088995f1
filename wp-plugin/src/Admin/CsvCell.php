<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * Keeps visitor-supplied text from running as a spreadsheet formula
 * (CSV injection): a cell whose first character that is not blank is
 * = + - @, or a full-width or small form of one (some spreadsheets read
 * those as the ASCII sign, and skip spaces, line breaks, no-break and
 * zero-width spaces before it), gets a leading apostrophe, which
 * spreadsheets show as text and do not display.
 */
final class CsvCell
{
	/** Blanks (spaces, controls, format characters such as U+200B, U+FEFF), then a formula sign. */
	private const FORMULA = '/^[\s\p{Z}\p{Cc}\p{Cf}]*[=+\-@\x{FF1D}\x{FF0B}\x{FF0D}\x{FF20}\x{FE66}\x{FE62}\x{FE63}\x{FE6B}]/u';

	public static function neutralise(?string $value): string
	{
		if ($value === null || $value === '') {
			return '';
		}
		// Not UTF-8 (preg_match false): it cannot be read, so it is neutralised too.
		return preg_match(self::FORMULA, $value) !== 0 ? "'" . $value : $value;
	}
}
