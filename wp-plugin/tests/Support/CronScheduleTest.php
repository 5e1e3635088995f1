<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use LeadTrail\Support\CronSchedule;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/Actions.php';

final class CronScheduleTest extends TestCase
{
	protected function setUp(): void
	{
		$GLOBALS['leadtrail_test_actions'] = ['after_setup_theme' => 1];
	}

	protected function tearDown(): void
	{
		unset($GLOBALS['leadtrail_test_actions']);
	}

	public function testAddsTheIntervalAndKeepsTheOthers(): void
	{
		$hourly = ['hourly' => ['interval' => 3600, 'display' => 'Once Hourly']];

		self::assertSame(
			$hourly + ['leadtrail_five_minutes' => ['interval' => 300, 'display' => 'Every 5 minutes']],
			CronSchedule::add($hourly, 'leadtrail_five_minutes', 300, static fn (): string => 'Every 5 minutes')
		);
	}

	public function testReplacesAnIntervalOfTheSameName(): void
	{
		self::assertSame(
			['x' => ['interval' => 60, 'display' => 'new']],
			CronSchedule::add(['x' => ['interval' => 1, 'display' => 'old']], 'x', 60, static fn (): string => 'new')
		);
	}

	public function testTranslatesNoLabelBeforeTranslationsMayLoad(): void
	{
		$GLOBALS['leadtrail_test_actions'] = [];
		$translated = false;

		self::assertSame(
			['leadtrail_five_minutes' => ['interval' => 300, 'display' => 'leadtrail_five_minutes']],
			CronSchedule::add([], 'leadtrail_five_minutes', 300, static function () use (&$translated): string {
				$translated = true;
				return 'Every 5 minutes';
			})
		);
		self::assertFalse($translated);
	}
}
