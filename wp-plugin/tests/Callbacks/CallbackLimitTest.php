<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Callbacks;

use LeadTrail\Callbacks\CallbackCounts;
use LeadTrail\Callbacks\CallbackLimit;
use PHPUnit\Framework\TestCase;

final class CallbackLimitTest extends TestCase
{
	public function testAllowsTenInAMinuteAndNotAnEleventh(): void
	{
		self::assertTrue(CallbackLimit::allows(new CallbackCounts(0)));
		self::assertTrue(CallbackLimit::allows(new CallbackCounts(9)));
		self::assertFalse(CallbackLimit::allows(new CallbackCounts(10)));
		self::assertFalse(CallbackLimit::allows(new CallbackCounts(11)));
	}

	public function testOneClientGetsOnlyAShare(): void
	{
		self::assertTrue(CallbackLimit::allows(new CallbackCounts(9, 2, 4)));
		self::assertFalse(CallbackLimit::allows(new CallbackCounts(3, 3, 3)));
		self::assertFalse(CallbackLimit::allows(new CallbackCounts(5, 1, 5)));
	}

	public function testCountsTheLastSixtySecondsToTheMillisecond(): void
	{
		// An order exactly 60 s ago still counts: no two of 11 orders may lie within 60 s.
		self::assertSame(1_699_999_940_123, CallbackLimit::since(1_700_000_000_123));
	}
}
