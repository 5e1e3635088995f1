<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * Finds the site's wp-load.php for collect.php.
 *
 * __DIR__ is the plugin's real path, which is outside the site when the plugin
 * folder is a symlink; the script path the web server ran (SCRIPT_FILENAME) and
 * the document root still lie inside it.
 */
final class WpLoadLocator
{
	/**
	 * From wp-content/plugins/leadtrail up to the site root is three levels, from the
	 * deepest entry folder (server/api/add_offline_message) six; allow for nesting.
	 */
	private const MAX_LEVELS = 9;

	/** @param list<string> $startDirs directories to walk up from, in order of trust */
	public static function find(array $startDirs): ?string
	{
		foreach ($startDirs as $dir) {
			for ($level = 0; $dir !== '' && $level <= self::MAX_LEVELS; $level++) {
				$candidate = $dir . DIRECTORY_SEPARATOR . 'wp-load.php';
				if (is_file($candidate)) {
					return $candidate;
				}
				$parent = dirname($dir);
				if ($parent === $dir) {
					break;
				}
				$dir = $parent;
			}
		}
		return null;
	}
}
