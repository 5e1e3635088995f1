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
	 * The cron_schedules filter's list with this interval added under $name. Its label is
	 * translated only once translations may load (after `after_setup_theme`), else it is $name:
	 * other plugins list the schedules as early as `plugins_loaded` (WooCommerce's Jetpack
	 * connection does), and loading our translations then makes WordPress log a notice.
	 *
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @param \Closure(): string                                  $display the translated label
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function add(array $schedules, string $name, int $seconds, \Closure $display): array
	{
		$schedules[$name] = [
			'interval' => $seconds,
			'display' => did_action('after_setup_theme') > 0 ? $display() : $name,
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
