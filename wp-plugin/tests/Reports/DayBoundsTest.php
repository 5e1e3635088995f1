<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Reports;

use DateTimeZone;
use LeadTrail\Reports\DayBounds;
use PHPUnit\Framework\TestCase;

final class DayBoundsTest extends TestCase
{
	public function testALocalDayEastOfUtcStartsTheEveningBefore(): void
	{
		$bounds = new DayBounds(new DateTimeZone('Europe/Moscow'));

		self::assertSame(['2026-03-09 21:00:00', '2026-03-10 21:00:00'], $bounds->utcRange('2026-03-10'));
	}

	public function testADayOfADstChangeIs23Hours(): void
	{
		$bounds = new DayBounds(new DateTimeZone('Europe/Berlin'));

		self::assertSame(['2026-03-28 23:00:00', '2026-03-29 22:00:00'], $bounds->utcRange('2026-03-29'));
	}

	public function testTheLocalDayOfAUnixTimeFollowsTheZone(): void
	{
		$bounds = new DayBounds(new DateTimeZone('America/New_York'));
		$utcMidnight = (int) strtotime('2026-06-02 00:00:00 UTC');

		self::assertSame('2026-06-01', $bounds->dayOf($utcMidnight + 3 * 3600));
		self::assertSame('2026-06-02', $bounds->dayOf($utcMidnight + 5 * 3600));
	}

	public function testDaysListsEveryDayBothEndsIncluded(): void
	{
		self::assertSame(['2026-02-27', '2026-02-28', '2026-03-01'], DayBounds::days('2026-02-27', '2026-03-01'));
		self::assertSame([], DayBounds::days('2026-03-02', '2026-03-01'));
		self::assertSame('2027-01-01', DayBounds::next('2026-12-31'));
	}

	public function testTheOffsetReadsTheLocalClock(): void
	{
		self::assertSame(10800, (new DayBounds(new DateTimeZone('Europe/Moscow')))->offsetOn('2026-01-15'));
	}
}
