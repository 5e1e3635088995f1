<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use LeadTrail\Options;

/**
 * Applies the numbered files in migrations/ ("001-identity.php", ...) in order.
 *
 * Each file returns a callable(\wpdb): void. The number of the last applied file is
 * kept in the option leadtrail_db_version, so an upgrade runs only the new ones.
 * Each file is one step a site may run on its own: a column with its index is one ALTER TABLE.
 */
final class Migrations
{
	/** The highest file number; a unit test keeps it equal to the files on disk. */
	public const LATEST = 19;

	public function __construct(private readonly string $dir)
	{
	}

	/** @return array<int, string> migration number => file path, ascending */
	public function files(): array
	{
		$files = [];
		foreach (glob($this->dir . '/*.php') ?: [] as $path) {
			if (preg_match('/^(\d{3})-[a-z0-9-]+\.php$/', basename($path), $match) === 1) {
				$files[(int) $match[1]] = $path;
			}
		}
		ksort($files);
		return $files;
	}

	/** How long a request waits for another one's migrations before it goes on without them. */
	public const LOCK_WAIT_SECONDS = 10;

	/**
	 * Runs the migrations not applied yet, one request at a time: a data migration (new ids, a
	 * backfill) must never run twice. The version is read again once the site's lock is held,
	 * so a request that waited does nothing.
	 *
	 * @return bool false when another request held the lock for the whole wait
	 */
	public function run(\wpdb $wpdb): bool
	{
		return SiteLock::run($wpdb, 'leadtrail_migrations', self::LOCK_WAIT_SECONDS, function () use ($wpdb): void {
			require_once ABSPATH . 'wp-admin/includes/upgrade.php';
			// The files name the tables as $wpdb->leadtrail_visitors (also without Plugin::boot()).
			Tables::register($wpdb);
			$from = self::appliedVersion($wpdb);
			foreach ($this->files() as $number => $path) {
				if ($number <= $from) {
					continue;
				}
				$migration = require $path;
				$migration($wpdb);
				update_option(Options::DB_VERSION, $number, true);
			}
		});
	}

	/** The stored version, from the table: the options cache may hold what this request read before it waited. */
	private static function appliedVersion(\wpdb $wpdb): int
	{
		return (int) $wpdb->get_var($wpdb->prepare(
			"SELECT option_value FROM {$wpdb->options} WHERE option_name = %s",
			Options::DB_VERSION,
		));
	}
}
