<?php
/**
 * Unguessable ids (docs/contracts.md, "Ids"): visitor, session and hit ids are drawn
 * at random by the hit (PublicIds), no longer counted up with AUTO_INCREMENT; each
 * visitor names its current session, which the ids no longer order; and the rows
 * numbered before are renumbered (IdRenumbering).
 */

declare(strict_types=1);

use LeadTrail\Identity\IdRenumbering;
use LeadTrail\Identity\PublicIds;
use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$visitors = Tables::name($wpdb, Tables::VISITORS);
	$sessions = Tables::name($wpdb, Tables::SESSIONS);

	// The visitors table of 003 with last_session_id (0: none yet): dbDelta adds the column.
	dbDelta(
		"CREATE TABLE {$visitors} (
id bigint(20) unsigned NOT NULL,
created_at datetime NOT NULL,
last_seen_at datetime NOT NULL,
name varchar(255) DEFAULT NULL,
last_session_id bigint(20) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id),
KEY last_seen_at (last_seen_at)
) {$charset};"
	);

	// Before the renumbering, the latest session is still the one with the highest id.
	$min = PublicIds::MIN;
	$wpdb->query(
		"UPDATE {$visitors} v JOIN (SELECT visitor_id, MAX(id) AS id FROM {$sessions} WHERE id < {$min} GROUP BY visitor_id) s
			ON s.visitor_id = v.id SET v.last_session_id = s.id WHERE v.last_session_id = 0 AND v.id < {$min}"
	);

	// dbDelta compares only the type, so it neither drops AUTO_INCREMENT nor adds it back.
	foreach ([Tables::VISITORS, Tables::SESSIONS, Tables::HITS] as $table) {
		$wpdb->query('ALTER TABLE ' . Tables::name($wpdb, $table) . ' MODIFY id bigint(20) unsigned NOT NULL');
	}

	(new IdRenumbering($wpdb))->run();
};
