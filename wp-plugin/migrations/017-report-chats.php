<?php
/**
 * Chats are leads in the reports (docs/contracts.md, "Reports"): a column of them in the
 * channels' aggregate, and the chats' time of start indexed for each day's recount. A site
 * that has chats already gets a rebuild, so that the days before count them too.
 */

declare(strict_types=1);

use LeadTrail\Reports\Rebuild;

return static function (\wpdb $wpdb): void {
	$added = $wpdb->get_var($wpdb->prepare("SHOW COLUMNS FROM {$wpdb->leadtrail_report_channels} LIKE %s", 'chats')) === null;
	if ($added) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_report_channels} ADD COLUMN chats int(10) unsigned NOT NULL DEFAULT 0 AFTER calls");
	}
	if ($wpdb->get_col($wpdb->prepare("SHOW INDEX FROM {$wpdb->leadtrail_chats} WHERE Key_name = %s", 'created_at')) === []) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_chats} ADD KEY created_at (created_at)");
	}
	if ($added && $wpdb->get_var("SELECT 1 FROM {$wpdb->leadtrail_chats} LIMIT 1") !== null) {
		Rebuild::startUnlessPending($wpdb);
	}
};
