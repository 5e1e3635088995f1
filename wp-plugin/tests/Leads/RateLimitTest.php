<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Leads\RateLimit;
use PHPUnit\Framework\TestCase;

final class RateLimitTest extends TestCase
{
	private const START = 1_700_000_400; // a window start: divisible by 600

	public function testWindowsAreFixedTenMinuteSlots(): void
	{
		$limit = new RateLimit();

		self::assertSame(self::START, $limit->windowStart(self::START));
		self::assertSame(self::START, $limit->windowStart(self::START + 599));
		self::assertSame(self::START + 600, $limit->windowStart(self::START + 600));
	}

	public function testTenAreAllowedAndTheEleventhIsNot(): void
	{
		$limit = new RateLimit();

		for ($count = 1; $count <= 10; $count++) {
			self::assertTrue($limit->decide(self::START + 10, $count, 0)->allowed, "request {$count}");
		}
		$refused = $limit->decide(self::START + 10, 11, 0);
		self::assertFalse($refused->allowed);
		// Ten stay in this window: the next window starts in 590 s, and even then those ten
		// weigh 10 × (600 − e) / 600, so one more fits once e ≥ 60.
		self::assertSame(590 + 60, $refused->retryAfter);
	}

	public function testThePreviousWindowWeighsByTheShareStillWithinTenMinutes(): void
	{
		$limit = new RateLimit();

		// 10 in the previous window, 300 s into this one: they weigh 5, so 5 more fit.
		self::assertTrue($limit->decide(self::START + 300, 5, 10)->allowed);
		self::assertFalse($limit->decide(self::START + 300, 6, 10)->allowed);
		// At the very start of a window the previous one counts in full.
		self::assertFalse($limit->decide(self::START, 1, 10)->allowed);
	}

	public function testRetryAfterIsWhenOneMoreWouldFit(): void
	{
		$limit = new RateLimit();

		// 10 before, 4 committed now, at 300 s: one more needs 10 × (600 − e) / 600 ≤ 5, e ≥ 300 … but
		// 4 committed + 1 = 5 leaves room 5: e ≥ 600 − 5 × 600 / 10 = 300; the refused 6th came at 300
		// with 5 committed: room 4, e ≥ 360.
		$refused = $limit->decide(self::START + 300, 6, 10);
		self::assertSame(60, $refused->retryAfter);
		self::assertTrue($limit->decide(self::START + 360, 6, 10)->allowed);
		self::assertFalse($limit->decide(self::START + 359, 6, 10)->allowed);
	}

	public function testRetryAfterIsAlwaysPositive(): void
	{
		$limit = new RateLimit(1);

		$refused = $limit->decide(self::START + 599, 2, 0);
		self::assertFalse($refused->allowed);
		// The one accepted request weighs on the whole next window: one more fits after it.
		self::assertSame(601, $refused->retryAfter);
		self::assertFalse($limit->decide(self::START + 1199, 1, 1)->allowed);
		self::assertTrue($limit->decide(self::START + 599 + $refused->retryAfter, 1, 0)->allowed);
	}

	public function testAnotherLimit(): void
	{
		$limit = new RateLimit(3);

		self::assertTrue($limit->decide(self::START, 3, 0)->allowed);
		self::assertFalse($limit->decide(self::START, 4, 0)->allowed);
	}
}
