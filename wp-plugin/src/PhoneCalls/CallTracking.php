<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Admin\CallSettings;
use LeadTrail\Admin\CallsPage;

/**
 * Hooks the calls in: the webhook, the notices' cron job (missed-call notices,
 * pruning old uploaded call logs), and in
 * wp-admin the Calls screen and the settings section (its forms' actions: Admin\AdminActions).
 */
final class CallTracking
{
	public static function boot(): void
	{
		add_action('rest_api_init', static function (): void {
			(new CallWebhook())->register();
		});
		add_action('leadtrail_send_notifications', static function (): void {
			global $wpdb;
			(new MissedCallNotifier($wpdb))->sendPending(50);
			(new CallImports($wpdb))->prune();
		});
		if (!is_admin()) {
			return;
		}
		add_action('admin_init', static function (): void {
			(new CallSettings())->register();
		}, 12);
		add_action('admin_menu', static function (): void {
			(new CallsPage())->addToMenu();
		}, 12);
		add_action('admin_init', [MissedCallNotifier::class, 'afterResponse']);
	}
}
