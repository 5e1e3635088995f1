<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Identity;

use LeadTrail\Identity\SiteTimezone;
use PHPUnit\Framework\TestCase;

final class SiteTimezoneTest extends TestCase
{
	public function testPrefersTheNamedZone(): void
	{
		self::assertSame('Europe/Moscow', SiteTimezone::fromOptions('Europe/Moscow', '5')->getName());
	}

	public function testFallsBackToTheOffsetForAnUnknownZone(): void
	{
		self::assertSame('+05:00', SiteTimezone::fromOptions('Mars/Olympus', '5')->getName());
	}

	/** @dataProvider offsets */
	public function testTurnsTheGmtOffsetIntoAZone(string $gmtOffset, string $zone): void
	{
		self::assertSame($zone, SiteTimezone::fromOptions('', $gmtOffset)->getName());
	}

	/** @return array<string, array{string, string}> */
	public static function offsets(): array
	{
		return [
			'whole hours' => ['3', '+03:00'],
			'half hours' => ['5.5', '+05:30'],
			'negative quarter' => ['-3.75', '-03:45'],
			'empty' => ['', '+00:00'],
			'garbage' => ['east', '+00:00'],
		];
	}
}
