<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * Spares wpdb a query before non-ASCII writes.
 *
 * Before it runs a query with non-ASCII text, wpdb asks the table's and the
 * columns' charset (SHOW FULL COLUMNS): an extra query per write. The migrations create the
 * tables in the connection's charset, and the validators have checked the
 * UTF-8, so on a utf8mb4 connection the answer is known.
 */
final class TableCharset
{
	public static function assumeOurs(\wpdb $wpdb): void
	{
		if ($wpdb->charset === 'utf8mb4' && !has_filter('pre_get_table_charset', [self::class, 'filter'])) {
			add_filter('pre_get_table_charset', [self::class, 'filter'], 10, 2);
			// wpdb::insert() and update() ask each text column's charset too; answered from the table's
			// alone, wpdb would look for the column list the skipped query fills ("Undefined array key").
			add_filter('pre_get_col_charset', [self::class, 'filter'], 10, 2);
		}
	}

	/**
	 * @param mixed  $charset what earlier filters decided, null for "ask the database"
	 * @param string $table
	 * @return mixed
	 */
	public static function filter(mixed $charset, $table): mixed
	{
		if ($charset !== null || !is_string($table)) {
			return $charset;
		}
		foreach (Tables::ALL as $ours) {
			if (str_ends_with($table, $ours)) {
				return 'utf8mb4';
			}
		}
		return null;
	}
}
