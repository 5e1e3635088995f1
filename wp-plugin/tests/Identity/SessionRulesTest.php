<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Identity;

use DateTimeImmutable;
use DateTimeZone;
use LeadTrail\Identity\SessionRules;
use LeadTrail\Traffic\SourceDetector;
use LeadTrail\Traffic\TrafficSource;
use PHPUnit\Framework\TestCase;

final class SessionRulesTest extends TestCase
{
	private const HOME = 'https://shop.example';

	public function testContinuesWithinTheIdleTime(): void
	{
		$rules = self::rules(30);
		$last = self::utc('2024-05-10 10:00:00');
		$direct = self::source('https://shop.example/a', '');

		self::assertFalse($rules->startsNewSession($last, $direct->key(), $direct, $last + 30 * 60));
	}

	public function testStartsANewSessionAfterTheIdleTime(): void
	{
		$rules = self::rules(30);
		$last = self::utc('2024-05-10 10:00:00');
		$direct = self::source('https://shop.example/a', '');

		self::assertTrue($rules->startsNewSession($last, $direct->key(), $direct, $last + 30 * 60 + 1));
	}

	public function testHonoursAConfiguredIdleTime(): void
	{
		$rules = self::rules(5);
		$last = self::utc('2024-05-10 10:00:00');
		$direct = self::source('https://shop.example/a', '');

		self::assertTrue($rules->startsNewSession($last, $direct->key(), $direct, $last + 6 * 60));
	}

	public function testSplitsAtMidnightInTheSiteTimeZone(): void
	{
		// 20:55 and 21:05 UTC are 23:55 and 00:05 in Moscow (UTC+3): two site-local days.
		$rules = self::rules(30, true, true, 'Europe/Moscow');
		$direct = self::source('https://shop.example/a', '');

		self::assertTrue($rules->startsNewSession(self::utc('2024-05-10 20:55:00'), $direct->key(), $direct, self::utc('2024-05-10 21:05:00')));
	}

	public function testDoesNotSplitAtUtcMidnightWhenTheSiteDayGoesOn(): void
	{
		// 23:55 and 00:05 UTC are 02:55 and 03:05 on the same Moscow day.
		$rules = self::rules(30, true, true, 'Europe/Moscow');
		$direct = self::source('https://shop.example/a', '');

		self::assertFalse($rules->startsNewSession(self::utc('2024-05-10 23:55:00'), $direct->key(), $direct, self::utc('2024-05-11 00:05:00')));
	}

	public function testMidnightSplitCanBeSwitchedOff(): void
	{
		$rules = self::rules(30, false, true, 'Europe/Moscow');
		$direct = self::source('https://shop.example/a', '');

		self::assertFalse($rules->startsNewSession(self::utc('2024-05-10 20:55:00'), $direct->key(), $direct, self::utc('2024-05-10 21:05:00')));
	}

	public function testStartsANewSessionWhenTheCampaignChanges(): void
	{
		$rules = self::rules();
		$last = self::utc('2024-05-10 10:00:00');
		$spring = self::source('https://shop.example/?utm_source=mail&utm_campaign=spring', '');
		$summer = self::source('https://shop.example/?utm_source=mail&utm_campaign=summer', '');

		self::assertTrue($rules->startsNewSession($last, $spring->key(), $summer, $last + 60));
	}

	public function testStartsANewSessionOnAnExternalReferrerAfterDirect(): void
	{
		$rules = self::rules();
		$last = self::utc('2024-05-10 10:00:00');
		$direct = self::source('https://shop.example/', '');
		$google = self::source('https://shop.example/a', 'https://www.google.com/search?q=shop');

		self::assertTrue($rules->startsNewSession($last, $direct->key(), $google, $last + 60));
	}

	public function testContinuesWhenTheSameSourceComesAgain(): void
	{
		$rules = self::rules();
		$last = self::utc('2024-05-10 10:00:00');
		$spring = self::source('https://shop.example/?utm_source=mail&utm_campaign=spring', '');
		$again = self::source('https://shop.example/b?utm_source=mail&utm_campaign=spring', 'https://mail.example/');

		self::assertFalse($rules->startsNewSession($last, $spring->key(), $again, $last + 60));
	}

	public function testAnInternalReferrerContinuesACampaignSession(): void
	{
		$rules = self::rules();
		$last = self::utc('2024-05-10 10:00:00');
		$spring = self::source('https://shop.example/?utm_source=mail&utm_campaign=spring', '');
		$click = self::source('https://shop.example/cart', 'https://shop.example/?utm_source=mail&utm_campaign=spring');

		self::assertFalse($click->carriesSource);
		self::assertFalse($rules->startsNewSession($last, $spring->key(), $click, $last + 60));
	}

	public function testAnEmptyReferrerContinuesACampaignSession(): void
	{
		$rules = self::rules();
		$last = self::utc('2024-05-10 10:00:00');
		$spring = self::source('https://shop.example/?utm_source=mail&utm_campaign=spring', '');
		$reload = self::source('https://shop.example/cart', '');

		self::assertFalse($rules->startsNewSession($last, $spring->key(), $reload, $last + 60));
	}

	public function testSourceSplitCanBeSwitchedOff(): void
	{
		$rules = self::rules(30, true, false);
		$last = self::utc('2024-05-10 10:00:00');
		$spring = self::source('https://shop.example/?utm_source=mail&utm_campaign=spring', '');
		$summer = self::source('https://shop.example/?utm_source=mail&utm_campaign=summer', '');

		self::assertFalse($rules->startsNewSession($last, $spring->key(), $summer, $last + 60));
	}

	public function testLocalDayIsTheSiteCalendarDay(): void
	{
		$rules = self::rules(30, true, true, 'America/New_York');

		self::assertSame('2024-05-09', $rules->localDay(self::utc('2024-05-10 02:00:00')));
		self::assertSame('2024-05-10', $rules->localDay(self::utc('2024-05-10 05:00:00')));
	}

	private static function rules(int $idle = 30, bool $midnight = true, bool $source = true, string $zone = 'UTC'): SessionRules
	{
		return new SessionRules($idle, $midnight, $source, new DateTimeZone($zone));
	}

	private static function source(string $url, string $referrer): TrafficSource
	{
		return (new SourceDetector(self::HOME))->detect($url, $referrer);
	}

	private static function utc(string $time): int
	{
		return (new DateTimeImmutable($time, new DateTimeZone('UTC')))->getTimestamp();
	}
}
