<?php
/**
 * Retention (docs/contracts.md, "Retention"): the daily pruning deletes old sessions
 * by last_hit_at in batches, which needs an index on it (hits, events and the call
 * answers already have one on created_at).
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$sessions = Tables::name($wpdb, Tables::SESSIONS);

	// The sessions table of 001 with the new key: dbDelta adds it.
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
KEY source_medium (source(100),medium(50)),
KEY last_hit_at (last_hit_at)
) {$charset};"
	);
};
