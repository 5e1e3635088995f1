<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Admin\SettingsPage;

/**
 * Hooks the reports in: the REST routes, the catch-up job, the Overview screen (the
 * menu's first entry), the Dashboard widget and the WP-CLI command.
 */
final class Reports
{
	public static function boot(): void
	{
		add_action('rest_api_init', [ReportRoutes::class, 'register']);
		// phpcs:ignore WordPress.WP.CronInterval.ChangeDetected -- CatchUp::schedules() adds a 5-minute interval
		add_filter('cron_schedules', [CatchUp::class, 'schedules']);
		add_action(CatchUp::HOOK, [CatchUp::class, 'cron']);
		if (defined('WP_CLI') && constant('WP_CLI') === true && class_exists('\WP_CLI')) {
			\WP_CLI::add_command('leadtrail reports', ReportsCli::class);
		}
		if (is_admin()) {
			add_action('admin_init', [CatchUp::class, 'ensureScheduled']);
			add_action('wp_dashboard_setup', [DashboardWidget::class, 'register']);
		}
	}

	/** The Overview entry, first under the LeadTrail menu (whose slug stays the settings page's). */
	public static function addToMenu(): void
	{
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail overview', 'leadtrail'),
			__('Overview', 'leadtrail'),
			ReportAccess::menuCapability(),
			OverviewPage::SLUG,
			[new OverviewPage(), 'render'],
			0
		);
	}
}
