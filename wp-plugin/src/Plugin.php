<?php

declare(strict_types=1);

namespace LeadTrail;

use LeadTrail\Admin\ActivationNotice;
use LeadTrail\Admin\EventsPage;
use LeadTrail\Admin\ExportEvents;
use LeadTrail\Admin\Menu;
use LeadTrail\Admin\RegenerateSiteKey;
use LeadTrail\Admin\SettingsPage;
use LeadTrail\Admin\VisitorsPage;
use LeadTrail\Front\Embed;
use LeadTrail\Routes\CallRoutes;
use LeadTrail\Routes\HitRoute;
use LeadTrail\Routes\PublicRoutes;
use LeadTrail\Routes\TrackerRoute;

/**
 * Hooks the plugin into WordPress. Classes load only when their hook fires,
 * so a front-end page pays for the embed code and nothing else.
 */
final class Plugin
{
	public static function boot(): void
	{
		add_action('init', [Installer::class, 'upgradeIfNeeded']);
		add_action('rest_api_init', static function (): void {
			$routes = new PublicRoutes();
			(new HitRoute())->register($routes);
			(new CallRoutes())->register($routes);
			(new TrackerRoute())->register($routes);
			$routes->guard();
		});

		if (is_admin()) {
			self::bootAdmin();
			return;
		}
		add_action('wp_head', static function (): void {
			(new Embed())->print();
		}, 1);
	}

	private static function bootAdmin(): void
	{
		$settings = new SettingsPage();
		add_action('admin_init', [$settings, 'register']);
		add_action('admin_menu', static function () use ($settings): void {
			(new Menu($settings, new VisitorsPage(), new EventsPage()))->register();
		});
		add_action('admin_post_' . RegenerateSiteKey::ACTION, static function (): void {
			(new RegenerateSiteKey())->handle();
		});
		add_action('admin_post_' . ExportEvents::ACTION, static function (): void {
			(new ExportEvents())->handle();
		});
		add_action('admin_notices', static function (): void {
			(new ActivationNotice())->show();
		});
	}
}
