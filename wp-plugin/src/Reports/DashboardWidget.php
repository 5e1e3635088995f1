<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

/**
 * The WordPress Dashboard's LeadTrail box: the last 7 days' sessions and leads and the
 * top 3 channels, from the aggregates, linking to the overview.
 */
final class DashboardWidget
{
	public static function register(): void
	{
		if (ReportAccess::allowed()) {
			wp_add_dashboard_widget('leadtrail_overview', __('LeadTrail: last 7 days', 'leadtrail'), [self::class, 'render']);
		}
	}

	public static function render(): void
	{
		global $wpdb;
		CatchUp::runIfStale();
		$today = ReportSite::today();
		$range = ReportRange::parse(gmdate('Y-m-d', (int) strtotime($today . ' 12:00:00 UTC') - 6 * DAY_IN_SECONDS), $today);
		if (is_string($range)) {
			return;
		}
		$query = new ReportQuery($wpdb, ReportSite::bounds());
		$totals = $query->totals($range);
		$channels = array_slice($query->channels($range, 'l'), 0, 3);
		$overview = admin_url('admin.php?page=' . OverviewPage::SLUG);
		require dirname(LEADTRAIL_FILE) . '/templates/dashboard-widget.php';
	}
}
