<?php
/**
 * Two indexes for the phone numbers' tables: a pool's free numbers in the order they
 * are taken, so that a hit's take (PoolTake) reads one index entry instead of passing,
 * and locking, every number held before it; and the holds by their end, which retention
 * deletes by (NumberHistory).
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	foreach ([
		[Tables::NUMBERS, 'pool_free', '(kind, pool_id, held_until, position)'],
		[Tables::NUMBER_HOLDS, 'held_until', '(held_until)'],
	] as [$table, $key, $columns]) {
		$name = Tables::name($wpdb, $table);
		if ($wpdb->get_col($wpdb->prepare("SHOW INDEX FROM {$name} WHERE Key_name = %s", $key)) === []) {
			$wpdb->query("ALTER TABLE {$name} ADD KEY {$key} {$columns}");
		}
	}
};
