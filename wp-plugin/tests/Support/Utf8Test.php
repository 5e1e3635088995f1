<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use LeadTrail\Support\Utf8;
use PHPUnit\Framework\TestCase;

final class Utf8Test extends TestCase
{
	public function testTellsValidFromInvalidUtf8(): void
	{
		self::assertTrue(Utf8::isValid('Привет 😀'));
		self::assertFalse(Utf8::isValid("a\xFFb"));
		self::assertFalse(Utf8::isValid("\xC3"));
	}

	public function testCountsCodePointsNotBytes(): void
	{
		self::assertSame(8, Utf8::length('Привет 😀'));
		self::assertSame(0, Utf8::length(''));
	}

	public function testTruncatesOnCodePoints(): void
	{
		self::assertSame('При', Utf8::truncate('Привет', 3));
		self::assertSame('abc', Utf8::truncate('abc', 3));
	}
}
