<?php

declare(strict_types=1);

namespace LeadTrail\Tests\PhoneCalls;

use DateTimeZone;
use LeadTrail\PhoneCalls\CallTime;
use LeadTrail\PhoneCalls\InvalidCallField;
use PHPUnit\Framework\TestCase;

final class CallTimeTest extends TestCase
{
	/** 2026-12-07 07:15:00 UTC. */
	private const T = 1796627700;

	/** @dataProvider sameMoment */
	public function testReadsEveryUsualWritingOfOneMoment(mixed $given): void
	{
		self::assertSame(self::T, CallTime::parse($given, new DateTimeZone('Europe/Moscow'), self::T, 'start_time'));
	}

	/** @return array<string, array{mixed}> */
	public static function sameMoment(): array
	{
		return [
			'unix seconds' => [self::T],
			'unix seconds as text' => [(string) self::T],
			'unix milliseconds' => [(string) (self::T * 1000)],
			'ISO with offset' => ['2026-12-07T10:15:00+03:00'],
			'ISO with Z' => ['2026-12-07T07:15:00Z'],
			'ISO with a compact offset and a fraction' => ['2026-12-07T10:15:00.250+0300'],
			'no offset: the site\'s time zone' => ['2026-12-07 10:15:00'],
			'no seconds' => ['2026-12-07 10:15'],
		];
	}

	/** @dataProvider refused */
	public function testRefusesWhatIsNotAMomentNamingTheField(mixed $given): void
	{
		try {
			CallTime::parse($given, new DateTimeZone('UTC'), self::T, 'start_time');
			self::fail('accepted ' . var_export($given, true));
		} catch (InvalidCallField $invalid) {
			self::assertSame('start_time', $invalid->field);
			self::assertNotSame('', $invalid->reason);
		}
	}

	/** @return array<string, array{mixed}> */
	public static function refused(): array
	{
		return [
			'missing' => [null],
			'empty' => [''],
			'words' => ['yesterday'],
			'a day that does not exist' => ['2026-02-30 10:00:00'],
			'an hour that does not exist' => ['2026-12-07 25:00:00'],
			'a European date' => ['07.12.2026 10:15'],
			'before 2000' => ['1999-12-31T23:59:59Z'],
			'more than a day ahead' => [self::T + 86401],
			'a duration in the wrong column' => ['95'],
			'a float' => [1796627700.5],
		];
	}
}
