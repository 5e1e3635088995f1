<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use DateTimeZone;
use LeadTrail\Admin\CallFilter;
use PHPUnit\Framework\TestCase;

final class CallFilterTest extends TestCase
{
	public function testAPhoneIsSearchedByItsDigits(): void
	{
		$filter = CallFilter::fromQuery(['s' => '+7 (912) 345'], new DateTimeZone('UTC'));
		self::assertSame('7912345', $filter->digits);
		self::assertSame([['(c.caller LIKE %s OR c.called LIKE %s)'], ['%7912345%', '%7912345%']], $filter->conditions());
	}

	public function testEveryFilterBecomesACondition(): void
	{
		$filter = CallFilter::fromQuery(
			['call_status' => 'missed', 'attributed' => 'no', 'processing' => 'new', 'from' => '2026-12-01', 'to' => '2026-12-07'],
			new DateTimeZone('Europe/Moscow')
		);
		self::assertSame([
			['c.answered = %d', "c.attribution = 'none'", 'c.status = %s', 'c.started_at >= %s', 'c.started_at < %s'],
			[0, 'new', '2026-11-30 21:00:00', '2026-12-07 21:00:00'],
		], $filter->conditions());
		self::assertSame(['call_status' => 'missed', 'attributed' => 'no', 'processing' => 'new', 'from' => '2026-12-01', 'to' => '2026-12-07'], $filter->queryArgs());
	}

	public function testWhatDoesNotFitIsLeftOutAndNamed(): void
	{
		$filter = CallFilter::fromQuery(['s' => 'Ivan', 'call_status' => 'maybe', 'attributed' => '1', 'processing' => 'done', 'from' => '2026-02-30'], new DateTimeZone('UTC'));
		self::assertSame([[], []], $filter->conditions());
		self::assertSame(['s', 'call_status', 'attributed', 'processing', 'from'], $filter->problems);
	}
}
