<?php

declare(strict_types=1);

namespace LeadTrail;

use LeadTrail\Identity\Secrets;
use LeadTrail\Identity\SessionRules;
use LeadTrail\Leads\Notifier;
use LeadTrail\Retention\RetentionCron;
use LeadTrail\Storage\Migrations;

/**
 * Creates and upgrades the plugin's tables and options.
 */
final class Installer
{
	public static function activate(): void
	{
		self::install();
		update_option(Options::ACTIVATION_NOTICE, 1, true);
	}

	/** Stops the plugin's cron jobs; the data stays until the plugin is deleted. */
	public static function deactivate(): void
	{
		Notifier::unschedule();
		\LeadTrail\Cloud\Forwarder::unschedule();
		RetentionCron::unschedule();
		\LeadTrail\Reports\CatchUp::unschedule();
	}

	/**
	 * Runs on every request (init), so it costs one read of an autoloaded option
	 * unless a new version brought migrations.
	 */
	public static function upgradeIfNeeded(): void
	{
		if ((int) get_option(Options::DB_VERSION, 0) < Migrations::LATEST) {
			self::install();
		}
	}

	private static function install(): void
	{
		global $wpdb;
		if (!(new Migrations(dirname(LEADTRAIL_FILE) . '/migrations'))->run($wpdb)) {
			// Another request is migrating; it sets the options below too when it is done.
			return;
		}

		// Autoloaded: the front end prints the key and checks the mode on every page.
		if ((string) get_option(Options::SITE_KEY, '') === '') {
			update_option(Options::SITE_KEY, Secrets::siteKey(), true);
		}
		add_option(Options::MODE, Options::MODE_SELF_HOSTED, '', true);
		// Not autoloaded: only the hit endpoint reads these, with its own query.
		if ((string) get_option(Options::SECRET, '') === '') {
			update_option(Options::SECRET, Secrets::tokenSecret(), false);
		}
		add_option(Options::IDLE_MINUTES, SessionRules::DEFAULT_IDLE_MINUTES, '', false);
		add_option(Options::SPLIT_MIDNIGHT, 1, '', false);
		add_option(Options::SPLIT_SOURCE, 1, '', false);
		// Read by collect.php with its own query, as JSON (docs/contracts.md, "Employee groups").
		add_option(Options::REQUEST_GROUPS, '[]', '', false);
		add_option(Options::NOTIFY_ADMIN, 1, '', false);
		add_option(Options::TRUSTED_PROXIES, '', '', false);
		// 0: an upgraded site keeps all its data until its owner chooses otherwise.
		add_option(Options::RETENTION_DAYS, 0, '', false);
		// Autoloaded: every front-end page checks it.
		add_option(Options::WAIT_FOR_CONSENT, 0, '', true);
		Notifier::ensureScheduled();
		RetentionCron::ensureScheduled();
		\LeadTrail\Reports\CatchUp::ensureScheduled();
	}
}
