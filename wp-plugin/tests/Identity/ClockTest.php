<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Identity;

use LeadTrail\Identity\Clock;
use PHPUnit\Framework\TestCase;

final class ClockTest extends TestCase
{
	public function testAddsItsOffsetToTheSystemTime(): void
	{
		$before = time();
		$now = (new Clock(3600))->now();

		self::assertGreaterThanOrEqual($before + 3600, $now);
		self::assertLessThanOrEqual(time() + 3600, $now);
	}

	public function testIgnoresTheTestOffsetOutsideTestMode(): void
	{
		$now = Clock::withTestOffset('86400')->now();

		self::assertFalse(Clock::testMode());
		self::assertLessThanOrEqual(time(), $now);
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function testHonoursTheTestOffsetInTestMode(): void
	{
		define('LEADTRAIL_TEST_MODE', true);

		$before = time();
		$shifted = Clock::withTestOffset('86400')->now();
		$garbage = Clock::withTestOffset('soon')->now();

		self::assertTrue(Clock::testMode());
		self::assertGreaterThanOrEqual($before + 86400, $shifted);
		self::assertLessThanOrEqual(time(), $garbage);
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function testOnlyTheValueTrueEnablesTestMode(): void
	{
		define('LEADTRAIL_TEST_MODE', '1');

		self::assertFalse(Clock::testMode());
	}
}
