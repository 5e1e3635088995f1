<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Callbacks;

use LeadTrail\Callbacks\CallbackLimit;
use PHPUnit\Framework\TestCase;

final class CallbackLimitTest extends TestCase
{
	public function testAllowsTenInAMinuteAndNotAnEleventh(): void
	{
		self::assertTrue(CallbackLimit::allows(0));
		self::assertTrue(CallbackLimit::allows(9));
		self::assertFalse(CallbackLimit::allows(10));
		self::assertFalse(CallbackLimit::allows(11));
	}

	public function testCountsTheLastSixtySeconds(): void
	{
		self::assertSame(1699999940, CallbackLimit::since(1700000000));
	}
}
