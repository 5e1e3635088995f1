<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Identity;

use LeadTrail\Identity\ComagicId;
use PHPUnit\Framework\TestCase;

final class ComagicIdTest extends TestCase
{
	public function testJoinsVisitorSessionAndUnixSecondsWithDots(): void
	{
		self::assertSame('10640054782.14783260762.1777012580', ComagicId::format(10640054782, 14783260762, 1777012580));
	}

	public function testHasTheCookieShapeOfSpecF5(): void
	{
		self::assertMatchesRegularExpression('/^[1-9]\d*\.[1-9]\d*\.\d{10}$/', ComagicId::format(1, 2, 1700000000));
	}
}
