<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use DateTimeImmutable;
use DateTimeZone;
use LeadTrail\Ingest\IngestConfig;
use LeadTrail\Options;
use PHPUnit\Framework\TestCase;

final class IngestConfigTest extends TestCase
{
	private const KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
	private const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

	public function testSignsTokensForTheSitesOwnKeyOnly(): void
	{
		$config = IngestConfig::fromOptions([Options::SITE_KEY => self::KEY, Options::SECRET => self::SECRET]);

		self::assertNotNull($config->tokenFor(self::KEY));
		self::assertNull($config->tokenFor(strtolower(self::KEY)));
		self::assertNull($config->tokenFor(''));
	}

	public function testTheCeilingsAreWholeNumbersFromOneUpElseTheDefaults(): void
	{
		$config = static fn (string $hits, string $visitors): IngestConfig => IngestConfig::fromOptions([
			Options::HIT_CEILING => $hits, Options::VISITOR_CEILING => $visitors,
		]);

		self::assertSame([50, 5], [$config('50', '5')->hitCeiling, $config('50', '5')->visitorCeiling]);
		foreach (['', '0', '-5', '2.5', 'many'] as $bad) {
			self::assertSame([10000, 1000], [$config($bad, $bad)->hitCeiling, $config($bad, $bad)->visitorCeiling], "'{$bad}'");
		}
		self::assertSame([10000, 1000], [IngestConfig::fromOptions([])->hitCeiling, IngestConfig::fromOptions([])->visitorCeiling]);
	}

	public function testAnAddressIsCountedUnderABucketKeyedWithTheSecret(): void
	{
		$config = IngestConfig::fromOptions([Options::SECRET => self::SECRET]);
		$other = IngestConfig::fromOptions([Options::SECRET => strrev(self::SECRET)]);

		self::assertMatchesRegularExpression('/^[0-9a-f]{40}$/', $config->ceilingBucket('hits', '203.0.113.5'));
		self::assertNotSame($config->ceilingBucket('hits', '203.0.113.5'), $config->ceilingBucket('visitors', '203.0.113.5'));
		self::assertNotSame($config->ceilingBucket('hits', '203.0.113.5'), $other->ceilingBucket('hits', '203.0.113.5'));
	}

	/** @dataProvider unusableSetups */
	public function testAcceptsNoKeyWithoutAKeyAndASecret(string $key, string $secret): void
	{
		$config = IngestConfig::fromOptions([Options::SITE_KEY => $key, Options::SECRET => $secret]);

		self::assertNull($config->tokenFor(self::KEY));
		self::assertNull($config->tokenFor($key));
	}

	/** @return array<string, array{string, string}> */
	public static function unusableSetups(): array
	{
		return [
			'no key' => ['', self::SECRET],
			'no secret' => [self::KEY, ''],
			'short secret' => [self::KEY, 'abc'],
		];
	}

	public function testReadsTheSessionRules(): void
	{
		$config = IngestConfig::fromOptions([
			Options::IDLE_MINUTES => '5',
			Options::SPLIT_MIDNIGHT => '0',
			'timezone_string' => 'Europe/Moscow',
			'home' => 'https://shop.example',
		]);
		$direct = $config->sources->detect('https://shop.example/', '');
		$last = self::utc('2024-05-10 20:55:00');

		self::assertTrue($config->sessionRules->startsNewSession($last, $direct->key(), $direct, $last + 6 * 60));
		self::assertFalse($config->sessionRules->startsNewSession($last, $direct->key(), $direct, $last + 4 * 60));
		self::assertSame('2024-05-10', $config->sessionRules->localDay(self::utc('2024-05-10 20:59:00')));
		self::assertSame('2024-05-11', $config->sessionRules->localDay(self::utc('2024-05-10 21:00:00')));
	}

	public function testFallsBackToThirtyIdleMinutesForAnOutOfRangeOption(): void
	{
		$config = IngestConfig::fromOptions([Options::IDLE_MINUTES => '0']);
		$direct = $config->sources->detect('https://shop.example/', '');
		$last = self::utc('2024-05-10 10:00:00');

		self::assertFalse($config->sessionRules->startsNewSession($last, $direct->key(), $direct, $last + 30 * 60));
		self::assertTrue($config->sessionRules->startsNewSession($last, $direct->key(), $direct, $last + 30 * 60 + 1));
	}

	public function testTreatsTheHomeHostAsInternal(): void
	{
		$config = IngestConfig::fromOptions(['home' => 'https://shop.example/blog']);

		self::assertFalse($config->sources->detect('https://cdn.example/a', 'https://shop.example/x')->carriesSource);
		self::assertTrue($config->sources->detect('https://cdn.example/a', 'https://other.example/x')->carriesSource);
	}

	private static function utc(string $time): int
	{
		return (new DateTimeImmutable($time, new DateTimeZone('UTC')))->getTimestamp();
	}
}
