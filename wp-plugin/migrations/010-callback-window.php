<?php
/**
 * Callback orders keep when they were accepted to the millisecond and a keyed hash
 * of the client's address: the limit (R6) counts an exact 60-second window and each
 * client's share of it (docs/contracts.md, "Callback orders").
 */

declare(strict_types=1);

return static function (\wpdb $wpdb): void {
	$columns = $wpdb->get_col("SHOW COLUMNS FROM {$wpdb->leadtrail_callbacks}");
	if (!in_array('accepted_ms', $columns, true)) {
		$wpdb->query(
			"ALTER TABLE {$wpdb->leadtrail_callbacks}
				ADD COLUMN accepted_ms bigint(20) unsigned NOT NULL DEFAULT 0 AFTER created_at,
				ADD COLUMN client_bucket char(40) CHARACTER SET ascii NOT NULL DEFAULT '' AFTER accepted_ms,
				ADD KEY accepted_ms (accepted_ms)"
		);
		// Orders from before: the last millisecond of their second, so none counts for less than it did.
		$wpdb->query("UPDATE {$wpdb->leadtrail_callbacks} SET accepted_ms = TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', created_at) * 1000 + 999");
	}
};
