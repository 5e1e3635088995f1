<?php
/**
 * The hit's per-address ceilings count an address's page views and new visitors in one
 * row (AddressCeiling): a new visitor's hit adds one row to the rate limits, not two.
 */

declare(strict_types=1);

return static function (\wpdb $wpdb): void {
	if ($wpdb->get_var($wpdb->prepare("SHOW COLUMNS FROM {$wpdb->leadtrail_rate_limits} LIKE %s", 'visitors')) === null) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_rate_limits} ADD COLUMN visitors int(10) unsigned NOT NULL DEFAULT 0");
	}
};
