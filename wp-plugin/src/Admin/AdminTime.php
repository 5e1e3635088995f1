<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use DateTimeImmutable;
use DateTimeZone;

/**
 * Stored UTC DATETIMEs shown in the site's time zone.
 */
final class AdminTime
{
	/** In the site's date and time formats. */
	public static function local(string $utc): string
	{
		return (string) wp_date(get_option('date_format') . ' ' . get_option('time_format'), self::unix($utc));
	}

	/** As "Y-m-d H:i:s", for exports that a spreadsheet should read as a date. */
	public static function localIso(string $utc): string
	{
		return (string) wp_date('Y-m-d H:i:s', self::unix($utc));
	}

	private static function unix(string $utc): int
	{
		return (new DateTimeImmutable($utc, new DateTimeZone('UTC')))->getTimestamp();
	}
}
