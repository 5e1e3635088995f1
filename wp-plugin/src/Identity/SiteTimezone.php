<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

use DateTimeZone;

/**
 * The site's time zone from its raw options, as wp_timezone() computes it,
 * because the lean endpoint runs without WordPress's date functions.
 */
final class SiteTimezone
{
	public static function fromOptions(string $timezoneString, string $gmtOffset): DateTimeZone
	{
		if ($timezoneString !== '') {
			try {
				return new DateTimeZone($timezoneString);
			} catch (\Exception) {
				// A zone this PHP does not know: fall back to the offset, as WordPress does.
			}
		}

		$offset = is_numeric($gmtOffset) ? (float) $gmtOffset : 0.0;
		$minutes = (int) round(abs($offset) * 60);
		return new DateTimeZone(sprintf('%s%02d:%02d', $offset < 0 ? '-' : '+', intdiv($minutes, 60), $minutes % 60));
	}
}
