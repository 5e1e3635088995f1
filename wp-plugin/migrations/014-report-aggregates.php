<?php
/**
 * The reports' aggregate tables (docs/contracts.md, "Reports"): one row per local day and
 * channel (for each attribution), landing page and event, so the overview never scans raw
 * hits. A covering index on sessions lets the distinct visitors of a range be counted from
 * the index alone.
 */

declare(strict_types=1);

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();

	// touch: l (the lead's own session) or f (the visitor's first session). The *_key columns
	// are SHA-1 of the text they stand for, so the primary keys stay short.
	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_report_channels} (
day date NOT NULL,
touch char(1) CHARACTER SET ascii NOT NULL,
channel_key char(40) CHARACTER SET ascii NOT NULL,
source varchar(255) NOT NULL DEFAULT '',
medium varchar(255) NOT NULL DEFAULT '',
campaign varchar(255) NOT NULL DEFAULT '',
sessions int(10) unsigned NOT NULL DEFAULT 0,
pageviews int(10) unsigned NOT NULL DEFAULT 0,
requests int(10) unsigned NOT NULL DEFAULT 0,
callbacks int(10) unsigned NOT NULL DEFAULT 0,
calls int(10) unsigned NOT NULL DEFAULT 0,
lead_sessions int(10) unsigned NOT NULL DEFAULT 0,
sales int(10) unsigned NOT NULL DEFAULT 0,
revenue decimal(17,2) NOT NULL DEFAULT 0,
PRIMARY KEY  (touch,day,channel_key)
) {$charset};"
	);

	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_report_pages} (
day date NOT NULL,
page_key char(40) CHARACTER SET ascii NOT NULL,
page varchar(2048) NOT NULL DEFAULT '',
sessions int(10) unsigned NOT NULL DEFAULT 0,
pageviews int(10) unsigned NOT NULL DEFAULT 0,
leads int(10) unsigned NOT NULL DEFAULT 0,
sales int(10) unsigned NOT NULL DEFAULT 0,
revenue decimal(17,2) NOT NULL DEFAULT 0,
PRIMARY KEY  (day,page_key)
) {$charset};"
	);

	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_report_events} (
day date NOT NULL,
event_key char(40) CHARACTER SET ascii NOT NULL,
category varchar(255) NOT NULL DEFAULT '',
action varchar(255) NOT NULL DEFAULT '',
events int(10) unsigned NOT NULL DEFAULT 0,
sessions int(10) unsigned NOT NULL DEFAULT 0,
leads int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (day,event_key)
) {$charset};"
	);

	if ($wpdb->get_var($wpdb->prepare("SHOW INDEX FROM {$wpdb->leadtrail_sessions} WHERE Key_name = %s", 'day_visitor')) === null) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_sessions} ADD KEY day_visitor (local_day,visitor_id)");
	}
};
