<?php

declare(strict_types=1);

namespace LeadTrail\Retention;

use LeadTrail\Identity\Clock;
use LeadTrail\Options;
use LeadTrail\Support\CronSchedule;

/**
 * The daily WP-Cron job that applies "Keep tracking data for N days". It keeps
 * no state of its own: every web node reads the option and deletes what is old
 * now, so two runs at once only share the work.
 */
final class RetentionCron
{
	public const HOOK = 'leadtrail_prune_tracking';
	/** Rows per DELETE statement. */
	public const BATCH = 1000;
	/** Seconds of deleting per run, well inside a request's usual 30-second limit. */
	public const BUDGET = 15.0;
	/** When a run had more left, the next one comes this many seconds later. */
	public const AGAIN_AFTER = 2 * MINUTE_IN_SECONDS;

	public static function ensureScheduled(): void
	{
		CronSchedule::ensure(self::HOOK, 'daily');
	}

	public static function unschedule(): void
	{
		wp_clear_scheduled_hook(self::HOOK);
	}

	public static function run(): void
	{
		global $wpdb;
		$now = Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
		$cutoff = RetentionDays::cutoff(get_option(Options::RETENTION_DAYS, 0), $now);
		if ($cutoff === null) {
			return;
		}
		$pruner = new Pruner(new WpdbPruneStore($wpdb), static fn (): float => hrtime(true) / 1e9, self::BATCH, self::BUDGET);
		if (!$pruner->run($cutoff)) {
			// WordPress refuses a second copy due within ten minutes, so nodes that both ran add one.
			wp_schedule_single_event(time() + self::AGAIN_AFTER, self::HOOK);
		}
	}
}
