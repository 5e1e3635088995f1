<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Reports;

use LeadTrail\Reports\ReportRange;
use PHPUnit\Framework\TestCase;

final class ReportRangeTest extends TestCase
{
	public function testTheFieldThatIsWrongIsNamed(): void
	{
		self::assertSame('from', ReportRange::parse(null, '2026-01-01'));
		self::assertSame('from', ReportRange::parse('2026-02-30', '2026-03-01'));
		self::assertSame('from', ReportRange::parse(['2026-01-01'], '2026-03-01'));
		self::assertSame('to', ReportRange::parse('2026-01-02', '2026-01-01'));
		self::assertSame('to', ReportRange::parse('2026-01-02', '2026-1-3'));
		self::assertSame('to', ReportRange::parse('2020-01-01', '2026-01-01'));
	}

	public function testThePreviousPeriodIsAsLongAndEndsTheDayBefore(): void
	{
		$range = ReportRange::parse('2026-03-01', '2026-03-07');
		self::assertInstanceOf(ReportRange::class, $range);
		self::assertSame(7, $range->length());

		$previous = $range->previous();
		self::assertSame(['2026-02-22', '2026-02-28'], [$previous->from, $previous->to]);
	}

	public function testOneDayComparesWithTheDayBefore(): void
	{
		$range = ReportRange::parse('2026-01-01', '2026-01-01');
		self::assertInstanceOf(ReportRange::class, $range);
		self::assertTrue($range->isOneDay());
		self::assertSame(['2025-12-31', '2025-12-31'], [$range->previous()->from, $range->previous()->to]);
	}
}
