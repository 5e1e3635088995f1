<?php

declare(strict_types=1);

namespace LeadTrail\Support;

/**
 * A recurring WP-Cron job of the plugin (the notices, the cloud outbox): its
 * custom interval and its single event, scheduled the same way for each.
 */
final class CronSchedule
{
	/**
	 * The cron_schedules filter's list with this interval added under $name.
	 *
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function add(array $schedules, string $name, int $seconds, string $display): array
	{
		$schedules[$name] = [
			'interval' => $seconds,
			'display' => $display,
		];
		return $schedules;
	}

	/** Schedules $hook every $name, first in a minute, unless it already is. */
	public static function ensure(string $hook, string $name): void
	{
		if (wp_next_scheduled($hook) === false) {
			wp_schedule_event(time() + MINUTE_IN_SECONDS, $name, $hook);
		}
	}
}
