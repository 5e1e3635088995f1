<?php
/**
 * A pool's free numbers in the order they are taken: a hit's take (PoolTake) reads
 * one index entry instead of passing, and locking, every number held before it.
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$numbers = Tables::name($wpdb, Tables::NUMBERS);
	$keys = $wpdb->get_col("SHOW INDEX FROM {$numbers} WHERE Key_name = 'pool_free'");
	if ($keys === []) {
		$wpdb->query("ALTER TABLE {$numbers} ADD KEY pool_free (kind, pool_id, held_until, position)");
	}
};
