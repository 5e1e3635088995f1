<?php
/**
 * Visitors and their sessions: the ids behind getVisitorId() and getSessionId() (SPEC R1).
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$visitors = Tables::name($wpdb, Tables::VISITORS);
	$sessions = Tables::name($wpdb, Tables::SESSIONS);

	// dbDelta() parses this text: one column per line, two spaces after PRIMARY KEY.
	dbDelta(
		"CREATE TABLE {$visitors} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
created_at datetime NOT NULL,
last_seen_at datetime NOT NULL,
PRIMARY KEY  (id),
KEY last_seen_at (last_seen_at)
) {$charset};"
	);

	// source_key hashes source/medium/campaign/term/content, so a source change is one comparison.
	dbDelta(
		"CREATE TABLE {$sessions} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_id bigint(20) unsigned NOT NULL,
started_at datetime NOT NULL,
last_hit_at datetime NOT NULL,
local_day date NOT NULL,
source varchar(255) NOT NULL DEFAULT '',
medium varchar(255) NOT NULL DEFAULT '',
campaign varchar(255) NOT NULL DEFAULT '',
term varchar(255) NOT NULL DEFAULT '',
content varchar(255) NOT NULL DEFAULT '',
referrer varchar(2048) NOT NULL DEFAULT '',
landing_url varchar(2048) NOT NULL DEFAULT '',
hits int(10) unsigned NOT NULL DEFAULT 0,
source_key char(40) NOT NULL,
PRIMARY KEY  (id),
KEY visitor_id (visitor_id),
KEY local_day (local_day),
KEY source_medium (source(100),medium(50))
) {$charset};"
	);
};
