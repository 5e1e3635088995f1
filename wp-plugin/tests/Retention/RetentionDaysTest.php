<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Retention;

use LeadTrail\Retention\RetentionDays;
use PHPUnit\Framework\TestCase;

final class RetentionDaysTest extends TestCase
{
	/** @return iterable<string, array{mixed, int}> */
	public static function accepted(): iterable
	{
		yield 'empty keeps forever' => ['', 0];
		yield 'blank keeps forever' => ['  ', 0];
		yield 'null (never saved)' => [null, 0];
		yield 'zero keeps forever' => ['0', 0];
		yield 'a stored integer' => [30, 30];
		yield 'spaces around' => [' 90 ', 90];
		yield 'the most' => ['3650', 3650];
	}

	/** @dataProvider accepted */
	public function testAccepts(mixed $value, int $days): void
	{
		self::assertSame($days, RetentionDays::parse($value));
	}

	/** @return iterable<string, array{mixed}> */
	public static function refused(): iterable
	{
		yield 'negative' => ['-1'];
		yield 'too many' => ['3651'];
		yield 'a fraction' => ['1.5'];
		yield 'words' => ['thirty'];
		yield 'a number then words' => ['30 days'];
		yield 'an array' => [['30']];
	}

	/** @dataProvider refused */
	public function testRefuses(mixed $value): void
	{
		self::assertNull(RetentionDays::parse($value));
	}

	public function testCutoffIsNDaysBeforeNowInUtc(): void
	{
		$now = gmmktime(12, 30, 15, 3, 31, 2025);

		self::assertSame('2025-03-01 12:30:15', RetentionDays::cutoff('30', $now));
		self::assertSame('2025-03-30 12:30:15', RetentionDays::cutoff(1, $now));
	}

	public function testNoCutoffWhenKeptForeverOrTheStoredValueIsUnreadable(): void
	{
		$now = gmmktime(0, 0, 0, 1, 1, 2025);

		self::assertNull(RetentionDays::cutoff(0, $now));
		self::assertNull(RetentionDays::cutoff('', $now));
		self::assertNull(RetentionDays::cutoff(false, $now), 'an option never saved');
		self::assertNull(RetentionDays::cutoff('garbage', $now), 'a bad stored value deletes nothing');
	}
}
