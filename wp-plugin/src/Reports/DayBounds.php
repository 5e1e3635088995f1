<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use DateTimeImmutable;
use DateTimeZone;

/**
 * Local days of the site's time zone and the UTC times they span: raw rows are dated in
 * UTC, reports by the site's calendar (a day of a DST change is 23 or 25 hours long).
 */
final class DayBounds
{
	public function __construct(private readonly DateTimeZone $zone)
	{
	}

	/** @return array{0: string, 1: string} the UTC start (inclusive) and end (exclusive) of $day */
	public function utcRange(string $day): array
	{
		$utc = new DateTimeZone('UTC');
		$start = new DateTimeImmutable($day . ' 00:00:00', $this->zone);
		$end = $start->modify('+1 day');
		return [$start->setTimezone($utc)->format('Y-m-d H:i:s'), $end->setTimezone($utc)->format('Y-m-d H:i:s')];
	}

	/** The local day of a unix time. */
	public function dayOf(int $unixSeconds): string
	{
		return (new DateTimeImmutable('@' . $unixSeconds))->setTimezone($this->zone)->format('Y-m-d');
	}

	/** Seconds to add to a UTC time of $day to read the local clock (for hourly buckets). */
	public function offsetOn(string $day): int
	{
		return (new DateTimeImmutable($day . ' 12:00:00', $this->zone))->getOffset();
	}

	public static function next(string $day): string
	{
		return (new DateTimeImmutable($day . ' 12:00:00', new DateTimeZone('UTC')))->modify('+1 day')->format('Y-m-d');
	}

	/**
	 * Every day from $from to $to, both included.
	 *
	 * @return list<string>
	 */
	public static function days(string $from, string $to): array
	{
		$days = [];
		$day = new DateTimeImmutable($from . ' 12:00:00', new DateTimeZone('UTC'));
		$last = new DateTimeImmutable($to . ' 12:00:00', new DateTimeZone('UTC'));
		while ($day <= $last) {
			$days[] = $day->format('Y-m-d');
			$day = $day->modify('+1 day');
		}
		return $days;
	}
}
