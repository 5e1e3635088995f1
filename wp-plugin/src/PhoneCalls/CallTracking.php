<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Admin\CallImportChunk;
use LeadTrail\Admin\CallImportUpload;
use LeadTrail\Admin\CallSettings;
use LeadTrail\Admin\CallsPage;
use LeadTrail\Admin\CallStatus;
use LeadTrail\Admin\ExportCalls;
use LeadTrail\Admin\RegenerateCallToken;

/**
 * Hooks the calls in: the webhook, the notices' cron job (missed-call notices,
 * pruning old uploaded call logs), and in
 * wp-admin the Calls screen, its import and export, and the settings section.
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
		add_action('admin_post_' . ExportCalls::ACTION, static function (): void {
			(new ExportCalls())->handle();
		});
		add_action('admin_post_' . CallStatus::ACTION, static function (): void {
			CallStatus::action()->handle();
		});
		add_action('admin_post_' . RegenerateCallToken::ACTION, static function (): void {
			(new RegenerateCallToken())->handle();
		});
		add_action('admin_post_' . CallImportUpload::ACTION, static function (): void {
			(new CallImportUpload())->handle();
		});
		add_action('wp_ajax_' . CallImportChunk::ACTION, static function (): void {
			(new CallImportChunk())->handle();
		});
		add_action('admin_init', [MissedCallNotifier::class, 'afterResponse']);
	}
}
