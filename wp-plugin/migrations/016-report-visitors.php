<?php
/**
 * Distinct visitors of any range without counting them over raw sessions: for each local day,
 * its visitors grouped by the day of each one's previous session (docs/contracts.md, "Distinct
 * visitors"). A site that already has sessions gets a rebuild to fill it for the days before;
 * until it ends, the overview counts its visitors from the sessions, as before.
 */

declare(strict_types=1);

use LeadTrail\Reports\Rebuild;

return static function (\wpdb $wpdb): void {
	$created = $wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $wpdb->esc_like($wpdb->leadtrail_report_visitors))) === null;
	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_report_visitors} (
day date NOT NULL,
prev_day date NOT NULL,
visitors int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (day,prev_day)
) {$wpdb->get_charset_collate()};"
	);
	if ($created && $wpdb->get_var("SELECT 1 FROM {$wpdb->leadtrail_sessions} LIMIT 1") !== null) {
		Rebuild::startUnlessPending($wpdb);
	}
};
