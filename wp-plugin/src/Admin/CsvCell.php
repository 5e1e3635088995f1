<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * Keeps visitor-supplied text from running as a spreadsheet formula
 * (CSV injection): a cell that starts with = + - @ (or a tab or carriage
 * return, which some spreadsheets skip before one) gets a leading apostrophe,
 * which spreadsheets show as text and do not display.
 */
final class CsvCell
{
	private const TRIGGERS = ['=', '+', '-', '@', "\t", "\r"];

	public static function neutralise(?string $value): string
	{
		if ($value === null || $value === '') {
			return '';
		}
		return in_array($value[0], self::TRIGGERS, true) ? "'" . $value : $value;
	}
}
