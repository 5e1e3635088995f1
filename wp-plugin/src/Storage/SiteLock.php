<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * MariaDB's GET_LOCK() under a name of this site's database and table prefix: a named
 * lock is server-wide, and other sites on the server (often with the same `wp_` prefix)
 * must not wait on it.
 */
final class SiteLock
{
	/**
	 * Runs $work while holding the lock $name (the prefix is added), waiting up to
	 * $waitSeconds for it.
	 *
	 * @param callable(): void $work
	 * @return bool false when another connection held the lock for the whole wait ($work did not run)
	 */
	public static function run(\wpdb $wpdb, string $name, int $waitSeconds, callable $work): bool
	{
		$lock = $wpdb->prefix . $name;
		if ((string) $wpdb->get_var($wpdb->prepare("SELECT GET_LOCK(CONCAT(DATABASE(), '.', %s), %d)", $lock, $waitSeconds)) !== '1') {
			return false;
		}
		try {
			$work();
		} finally {
			$wpdb->query($wpdb->prepare("DO RELEASE_LOCK(CONCAT(DATABASE(), '.', %s))", $lock));
		}
		return true;
	}
}
