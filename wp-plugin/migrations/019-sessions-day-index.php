<?php
/**
 * The sessions' index on local_day alone is the first column of day_visitor (migration
 * 014), which serves every query it served: dropping it spares each new session one
 * index entry.
 */

declare(strict_types=1);

return static function (\wpdb $wpdb): void {
	if ($wpdb->get_col($wpdb->prepare("SHOW INDEX FROM {$wpdb->leadtrail_sessions} WHERE Key_name = %s", 'local_day')) !== []) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_sessions} DROP INDEX local_day");
	}
};
