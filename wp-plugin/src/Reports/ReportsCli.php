<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

/**
 * `wp leadtrail reports rebuild`: recomputes every day's aggregates, printing its progress.
 */
final class ReportsCli
{
	/**
	 * Rebuilds the reports' aggregate tables from the raw rows.
	 *
	 * @param list<string> $args
	 */
	public function rebuild(array $args): void
	{
		global $wpdb;
		$rebuild = new Rebuild($wpdb, ReportSite::bounds());
		$rebuild->start(ReportSite::today());
		do {
			$progress = $rebuild->step(5.0);
			\WP_CLI::log(sprintf('%d / %d days', $progress['done'], $progress['total']));
		} while (!$progress['finished']);
		\WP_CLI::success('Reports rebuilt.');
	}
}
