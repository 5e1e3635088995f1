<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Support\CronSchedule;

/**
 * Keeps the aggregates current without touching the hit path: every few minutes (WP-Cron,
 * and before a report is read when the last run is older than that) it recomputes each day
 * since the previous run began, yesterday included, the days of calls imported since, and
 * the days of the sessions of leads recorded since (a lead may come days after its visit).
 * It remembers only when it last began, so a run that was missed is made up by the next.
 */
final class CatchUp
{
	public const HOOK = 'leadtrail_report_catch_up';
	public const SCHEDULE = 'leadtrail_five_minutes';
	public const SYNCED = 'leadtrail_reports_synced_at';
	public const INTERVAL = 5 * MINUTE_IN_SECONDS;
	public const MAX_DAYS = 31;
	/** Seconds of an unfinished rebuild that each cron run goes on with. */
	public const REBUILD_SLICE = 20;

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function schedules(array $schedules): array
	{
		return CronSchedule::add($schedules, self::SCHEDULE, self::INTERVAL, static fn (): string => __('Every five minutes (LeadTrail reports)', 'leadtrail'));
	}

	public static function ensureScheduled(): void
	{
		CronSchedule::ensure(self::HOOK, self::SCHEDULE);
	}

	public static function unschedule(): void
	{
		wp_clear_scheduled_hook(self::HOOK);
	}

	public static function run(): void
	{
		global $wpdb;
		(new self($wpdb, ReportSite::bounds()))->since((int) get_option(self::SYNCED, 0), ReportSite::now());
	}

	/** The cron job: the catch-up, then a slice of a rebuild left unfinished (after an upgrade, or a closed screen). */
	public static function cron(): void
	{
		self::run();
		if (get_option(Rebuild::STATE) !== false) {
			global $wpdb;
			(new Rebuild($wpdb, ReportSite::bounds()))->step(self::REBUILD_SLICE);
		}
	}

	/** Runs when the last catch-up is older than its interval: what a report reads is then current. */
	public static function runIfStale(): void
	{
		if (ReportSite::now() - (int) get_option(self::SYNCED, 0) >= self::INTERVAL) {
			self::run();
		}
	}

	public function __construct(private readonly \wpdb $wpdb, private readonly DayBounds $bounds)
	{
	}

	/**
	 * Recomputes the days touched since $last (unix seconds, 0: never) up to $now, at most
	 * MAX_DAYS of them: after a long pause the rest waits for the next run, which starts
	 * where this one stopped, so no request spends long here.
	 */
	public function since(int $last, int $now): void
	{
		$today = $this->bounds->dayOf($now);
		$yesterday = $this->bounds->dayOf($now - DAY_IN_SECONDS);
		$first = $last > 0 ? min($yesterday, $this->bounds->dayOf($last - self::INTERVAL)) : $yesterday;
		$days = DayBounds::days($first, $today);
		$synced = count($days) > self::MAX_DAYS ? $this->startOf($days[self::MAX_DAYS]) + self::INTERVAL : $now;
		update_option(self::SYNCED, $synced, false);
		$aggregator = new DayAggregator($this->wpdb, $this->bounds);
		$late = [...$this->importedCallDays($last), ...$this->leadSessionDays($last)];
		foreach (array_unique([...array_slice($days, 0, self::MAX_DAYS), ...$late]) as $day) {
			$aggregator->run($day);
		}
	}

	private function startOf(string $day): int
	{
		return (int) strtotime($this->bounds->utcRange($day)[0] . ' UTC');
	}

	/**
	 * Call logs bring calls of past days: the days of those recorded since $last.
	 *
	 * @return list<string>
	 */
	private function importedCallDays(int $last): array
	{
		$wpdb = $this->wpdb;
		$times = $wpdb->get_col($wpdb->prepare(
			"SELECT DISTINCT DATE_FORMAT(started_at, '%%Y-%%m-%%d %%H:00:00') FROM {$wpdb->leadtrail_phone_calls} WHERE created_at >= %s",
			gmdate('Y-m-d H:i:s', max(0, $last - self::INTERVAL))
		));
		return array_values(array_unique(array_map(
			fn (string $time): string => $this->bounds->dayOf((int) strtotime($time . ' UTC')),
			$times
		)));
	}

	/**
	 * Landing pages and events count the leads of their sessions, whenever made: the days
	 * spanned by the sessions of the requests, callback orders and calls recorded since
	 * $last (its first and its last hit). The first run has no "since": a rebuild covers
	 * what came before.
	 *
	 * @return list<string>
	 */
	private function leadSessionDays(int $last): array
	{
		$wpdb = $this->wpdb;
		if ($last <= 0) {
			return [];
		}
		$since = gmdate('Y-m-d H:i:s', $last - self::INTERVAL);
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT DISTINCT local_day, DATE_FORMAT(last_hit_at, '%%Y-%%m-%%d %%H:00:00') AS last_hour FROM {$wpdb->leadtrail_sessions} WHERE id IN (
				SELECT session_id FROM {$wpdb->leadtrail_requests} WHERE created_at >= %s AND session_id > 0
				UNION SELECT session_id FROM {$wpdb->leadtrail_callbacks} WHERE created_at >= %s AND session_id > 0
				UNION SELECT session_id FROM {$wpdb->leadtrail_phone_calls} WHERE created_at >= %s AND session_id > 0
			)",
			$since,
			$since,
			$since
		), ARRAY_A);
		$days = [];
		foreach ($rows ?? [] as $row) {
			$days[] = (string) $row['local_day'];
			$days[] = $this->bounds->dayOf((int) strtotime($row['last_hour'] . ' UTC'));
		}
		return array_values(array_unique($days));
	}
}
