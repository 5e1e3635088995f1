<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use mysqli;

/**
 * What wpdb::set_sql_mode() does, in one statement instead of a read and a write:
 * the session's SQL modes without those WordPress cannot work with.
 */
final class SqlMode
{
	/** wpdb::$incompatible_modes (WordPress 6.1), for a connection made without WordPress. */
	public const INCOMPATIBLE = ['NO_ZERO_DATE', 'ONLY_FULL_GROUP_BY', 'STRICT_TRANS_TABLES', 'STRICT_ALL_TABLES', 'TRADITIONAL', 'ANSI'];

	/** @param array<mixed> $incompatible */
	public static function compatible(array $incompatible, mysqli $link): string
	{
		$modes = "CONCAT(',', @@SESSION.sql_mode, ',')";
		foreach ($incompatible as $mode) {
			$modes = "REPLACE({$modes}, '," . $link->real_escape_string((string) $mode) . ",', ',')";
		}
		return "SET SESSION sql_mode = TRIM(BOTH ',' FROM {$modes})";
	}
}
