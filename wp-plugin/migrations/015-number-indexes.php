<?php
/**
 * Two indexes for the phone numbers' tables: a pool's free numbers in the order they
 * are taken, so that a hit's take (PoolTake) reads one index entry instead of passing,
 * and locking, every number held before it; and the holds by their end, which retention
 * deletes by (NumberHistory).
 */

declare(strict_types=1);

return static function (\wpdb $wpdb): void {
	if ($wpdb->get_col($wpdb->prepare("SHOW INDEX FROM {$wpdb->leadtrail_numbers} WHERE Key_name = %s", 'pool_free')) === []) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_numbers} ADD KEY pool_free (kind, pool_id, held_until, position)");
	}
	if ($wpdb->get_col($wpdb->prepare("SHOW INDEX FROM {$wpdb->leadtrail_number_holds} WHERE Key_name = %s", 'held_until')) === []) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_number_holds} ADD KEY held_until (held_until)");
	}
};
