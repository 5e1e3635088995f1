<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * What the reports read of the site: its time zone and "now" (the test clock of a test site).
 */
final class ReportSite
{
	public static function bounds(): DayBounds
	{
		return new DayBounds(wp_timezone());
	}

	public static function now(): int
	{
		return Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
	}

	public static function today(): string
	{
		return self::bounds()->dayOf(self::now());
	}
}
