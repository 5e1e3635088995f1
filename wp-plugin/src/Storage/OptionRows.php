<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use LeadTrail\Ingest\StorageUnavailable;

/**
 * Reads a few options with one query, straight from the options table.
 *
 * The lean endpoint runs under SHORTINIT, where get_option() does not exist,
 * and one IN (...) query is cheaper than a query per non-autoloaded option.
 */
final class OptionRows
{
	/**
	 * @param list<string> $names
	 * @return array<string, string> option_name => option_value of the options that exist
	 */
	public static function load(\wpdb $wpdb, array $names): array
	{
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name IN ("
					. implode(', ', array_fill(0, count($names), '%s')) . ')',
				$names,
			),
			ARRAY_A,
		);
		if (!is_array($rows) || $wpdb->last_error !== '') {
			throw new StorageUnavailable('Could not read the options: ' . $wpdb->last_error);
		}
		return self::fromRows($rows, $names);
	}

	/**
	 * The same query for a caller that sends it with other statements.
	 *
	 * @param list<string> $names
	 */
	public static function select(Statements $db, array $names): string
	{
		$quoted = implode(', ', array_map([$db, 'quote'], $names));
		return "SELECT option_name, option_value FROM {$db->prefix()}options WHERE option_name IN ({$quoted})";
	}

	/**
	 * @param list<array<string, string|null>> $rows the rows select() read
	 * @param list<string>                     $names
	 * @return array<string, string> option_name => option_value
	 */
	public static function fromRows(array $rows, array $names): array
	{
		$options = array_map('strval', array_column($rows, 'option_value', 'option_name'));
		// wp-config.php may pin the home URL, and WordPress then ignores the stored one.
		if (in_array('home', $names, true) && defined('WP_HOME')) {
			$options['home'] = (string) constant('WP_HOME');
		}
		return $options;
	}
}
