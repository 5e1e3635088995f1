<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use LeadTrail\Options;

/**
 * Applies the numbered files in migrations/ ("001-identity.php", ...) in order.
 *
 * Each file returns a callable(\wpdb): void. The number of the last applied file is
 * kept in the option leadtrail_db_version, so an upgrade runs only the new ones.
 */
final class Migrations
{
	/** The highest file number; a unit test keeps it equal to the files on disk. */
	public const LATEST = 16;

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

	/**
	 * Runs the migrations newer than $from. dbDelta() is idempotent, so two requests
	 * that race here on an upgrade do no harm.
	 */
	public function run(\wpdb $wpdb, int $from): void
	{
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		foreach ($this->files() as $number => $path) {
			if ($number <= $from) {
				continue;
			}
			$migration = require $path;
			$migration($wpdb);
			update_option(Options::DB_VERSION, $number, true);
		}
	}
}
