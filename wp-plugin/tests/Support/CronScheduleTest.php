<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use LeadTrail\Support\CronSchedule;
use PHPUnit\Framework\TestCase;

final class CronScheduleTest extends TestCase
{
	public function testAddsTheIntervalAndKeepsTheOthers(): void
	{
		$hourly = ['hourly' => ['interval' => 3600, 'display' => 'Once Hourly']];

		self::assertSame(
			$hourly + ['leadtrail_five_minutes' => ['interval' => 300, 'display' => 'Every 5 minutes']],
			CronSchedule::add($hourly, 'leadtrail_five_minutes', 300, 'Every 5 minutes')
		);
	}

	public function testReplacesAnIntervalOfTheSameName(): void
	{
		self::assertSame(
			['x' => ['interval' => 60, 'display' => 'new']],
			CronSchedule::add(['x' => ['interval' => 1, 'display' => 'old']], 'x', 60, 'new')
		);
	}
}
