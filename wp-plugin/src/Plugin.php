<?php

declare(strict_types=1);

namespace LeadTrail;

use LeadTrail\Admin\ActivationNotice;
use LeadTrail\Admin\AdminActions;
use LeadTrail\Admin\EventsPage;
use LeadTrail\Admin\Menu;
use LeadTrail\Admin\RequestsPage;
use LeadTrail\Admin\SettingsPage;
use LeadTrail\Admin\VisitorsPage;
use LeadTrail\Cloud\Forwarder;
use LeadTrail\Consent\ConsentSetting;
use LeadTrail\Front\CacheCompat;
use LeadTrail\Front\Embed;
use LeadTrail\Health\VendorEmbedCheck;
use LeadTrail\Health\VendorEmbedHealth;
use LeadTrail\Integrations\Integrations;
use LeadTrail\Leads\Notifier;
use LeadTrail\Retention\RetentionCron;
use LeadTrail\Routes\CallRoutes;
use LeadTrail\Routes\GroupsRoute;
use LeadTrail\Routes\HitRoute;
use LeadTrail\Routes\OfflineMessageRoute;
use LeadTrail\Routes\PublicRoutes;
use LeadTrail\Routes\TrackerRoute;
use LeadTrail\Storage\Tables;

/**
 * Hooks the plugin into WordPress. Classes load only when their hook fires,
 * so a front-end page pays for the embed code and nothing else.
 */
final class Plugin
{
	public static function boot(): void
	{
		// The tables' names on $wpdb ($wpdb->leadtrail_visitors), again when switch_to_blog()
		// changes the prefix.
		global $wpdb;
		Tables::register($wpdb);
		add_action('switch_blog', static function (): void {
			global $wpdb;
			Tables::register($wpdb);
		});
		// Before the other `init` work, which may already show or send strings.
		add_action('init', [\LeadTrail\I18n\Translations::class, 'load'], 0);
		add_action('init', [Installer::class, 'upgradeIfNeeded']);
		// Calls from telephony providers and call logs, attributed to visits (docs/contracts.md, "Calls").
		\LeadTrail\PhoneCalls\CallTracking::boot();
		// The overview, its REST routes and aggregates (docs/contracts.md, "Reports").
		\LeadTrail\Reports\Reports::boot();
		// The front end's "site has numbers" flag follows the numbers' settings.
		\LeadTrail\Phones\NumbersFlag::boot();
		add_action('rest_api_init', static function (): void {
			$routes = new PublicRoutes();
			(new HitRoute())->register($routes);
			(new CallRoutes())->register($routes);
			(new TrackerRoute())->register($routes);
			(new OfflineMessageRoute())->register($routes);
			(new GroupsRoute())->register($routes);
			// Callback orders: the captcha (A8) and the sitephone form's settings.
			(new \LeadTrail\Routes\CaptchaRoutes())->register($routes);
			(new \LeadTrail\Routes\CallbackSettingsRoute())->register($routes);
			$routes->guard();
			// The operator console's routes (capability and nonce, not public).
			(new \LeadTrail\Chat\OperatorRoutes())->register();
		});
		// The e-mail notices of requests (docs/contracts.md, "E-mail notices"): WP-Cron runs them
		// in its own request, neither admin nor front end. Closures load the class only then.
		// phpcs:ignore WordPress.WP.CronInterval.ChangeDetected -- Notifier::schedules() adds a 5-minute interval
		add_filter('cron_schedules', static fn (array $schedules): array => Notifier::schedules($schedules));
		add_action('leadtrail_send_notifications', static function (): void {
			global $wpdb;
			(new Notifier($wpdb))->cron();
		});
		// The same job sends the callback orders' notices and prunes expired captchas.
		add_action('leadtrail_send_notifications', static function (): void {
			global $wpdb;
			(new \LeadTrail\Callbacks\CallbackNotifier($wpdb))->cron();
		});
		// And the missed chats' e-mails.
		add_action('leadtrail_send_notifications', static function (): void {
			global $wpdb;
			(new \LeadTrail\Chat\MissedChatNotifier($wpdb))->cron();
		});

		// Automatic capture: each integration hooks in only when its plugin is there.
		add_action('plugins_loaded', [Integrations::class, 'register'], 20);
		// Cloud mode's outbox: WP-Cron every minute while leads wait, and the loopback trigger.
		// phpcs:ignore WordPress.WP.CronInterval.ChangeDetected -- a one-minute interval, used only while leads wait for delivery
		add_filter('cron_schedules', static fn (array $schedules): array => Forwarder::schedules($schedules));
		add_action(Forwarder::HOOK, static function (): void {
			Forwarder::forSite()->run(Forwarder::BATCH);
		});
		add_action('wp_ajax_nopriv_' . Forwarder::AJAX_ACTION, [Forwarder::class, 'ajax']);
		add_action('wp_ajax_' . Forwarder::AJAX_ACTION, [Forwarder::class, 'ajax']);
		// Retention: the daily job that prunes old tracking data (docs/contracts.md, "Retention").
		add_action(RetentionCron::HOOK, [RetentionCron::class, 'run']);
		add_action('plugins_loaded', [ConsentSetting::class, 'declareToConsentApi']);
		// Site Health's check for the vendor's own embed code left on the front page (also run by
		// its scheduled check, outside wp-admin).
		add_filter('site_status_tests', [VendorEmbedHealth::class, 'addTest']);
		add_action('rest_api_init', [VendorEmbedHealth::class, 'registerRoute']);

		if (is_admin()) {
			self::bootAdmin();
			return;
		}
		add_action('wp_head', static function (): void {
			(new Embed())->print();
		}, 1);
		CacheCompat::register((string) wp_parse_url(plugins_url('assets/build/', LEADTRAIL_FILE), PHP_URL_PATH));
	}

	private static function bootAdmin(): void
	{
		$settings = new SettingsPage();
		add_action('admin_init', [$settings, 'register']);
		add_action('admin_menu', static function () use ($settings): void {
			(new Menu($settings, new VisitorsPage(), new EventsPage(), new RequestsPage()))->register();
		});
		add_action('admin_menu', [\LeadTrail\Reports\Reports::class, 'addToMenu'], 11);
		AdminActions::register();
		// Notices of requests recorded by collect.php go out at the latest with the next admin page.
		add_action('admin_init', static function (): void {
			Notifier::ensureScheduled();
			Notifier::afterResponse();
		});
		add_action('admin_notices', static function (): void {
			(new ActivationNotice())->show();
		});
		// WordPress's personal data exporter and eraser, and the suggested privacy policy text.
		add_action('admin_init', [\LeadTrail\Privacy\PrivacyTools::class, 'register']);

		// Callback orders: the queue's screen (after the other entries) and its notices.
		add_action('admin_init', static function (): void {
			(new \LeadTrail\Admin\CallbackSettings())->register();
		}, 11);
		add_action('admin_menu', static function (): void {
			(new \LeadTrail\Admin\CallbacksPage())->addToMenu();
		}, 11);
		add_action('admin_menu', static function (): void {
			(new \LeadTrail\Phones\PhoneNumbersPage())->addToMenu();
		}, 12);
		add_action('admin_menu', static function (): void {
			(new \LeadTrail\Chat\ChatConsolePage())->addToMenu();
		}, 13);
		add_action('admin_init', static function (): void {
			\LeadTrail\Callbacks\CallbackNotifier::afterResponse();
			\LeadTrail\Chat\MissedChatNotifier::afterResponse();
		});
		\LeadTrail\Chat\OperatorGroups::register();
		// What the front page prints may have changed: the next look reads it anew.
		foreach (['switch_theme', 'activated_plugin', 'deactivated_plugin', 'update_option_' . Options::MODE] as $change) {
			add_action($change, [VendorEmbedCheck::class, 'forget']);
		}
	}
}
