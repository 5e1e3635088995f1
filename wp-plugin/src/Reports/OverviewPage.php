<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Admin\SettingsPage;
use LeadTrail\I18n\Translations;

/**
 * LeadTrail → Overview: a React screen (admin-src/overview, built by @wordpress/scripts into
 * build/overview) that reads the reports' REST routes.
 */
final class OverviewPage
{
	public const SLUG = 'leadtrail-overview';
	private const HANDLE = 'leadtrail-overview';

	public function render(): void
	{
		$this->enqueue();
		echo '<div class="wrap"><h1>' . esc_html__('LeadTrail overview', 'leadtrail') . '</h1><div id="leadtrail-overview"></div></div>';
	}

	private function enqueue(): void
	{
		$dir = dirname(LEADTRAIL_FILE) . '/build/overview/';
		if (!is_file($dir . 'index.asset.php')) {
			echo '<div class="notice notice-error"><p>' . esc_html__('The overview is not built: run npm run build.', 'leadtrail') . '</p></div>';
			return;
		}
		$asset = require $dir . 'index.asset.php';
		$url = plugins_url('build/overview/', LEADTRAIL_FILE);
		wp_enqueue_script(self::HANDLE, $url . 'index.js', $asset['dependencies'], $asset['version'], true);
		Translations::forScript(self::HANDLE);
		wp_enqueue_style('wp-components');
		if (is_file($dir . 'index.css')) {
			wp_enqueue_style(self::HANDLE, $url . 'index.css', ['wp-components'], $asset['version']);
		}
		wp_add_inline_script(self::HANDLE, 'window.leadtrailOverview = ' . wp_json_encode([
			'today' => ReportSite::today(),
			'canRebuild' => current_user_can('manage_options'),
			'settingsUrl' => admin_url('admin.php?page=' . SettingsPage::SLUG),
		]) . ';', 'before');
	}
}
