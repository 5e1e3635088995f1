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

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();

	// The visitors table of 003 with last_session_id (0: none yet): dbDelta adds the column.
	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_visitors} (
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
	$wpdb->query($wpdb->prepare(
		"UPDATE {$wpdb->leadtrail_visitors} v JOIN (SELECT visitor_id, MAX(id) AS id FROM {$wpdb->leadtrail_sessions} WHERE id < %d GROUP BY visitor_id) s
			ON s.visitor_id = v.id SET v.last_session_id = s.id WHERE v.last_session_id = 0 AND v.id < %d",
		PublicIds::MIN,
		PublicIds::MIN
	));

	// dbDelta compares only the type, so it neither drops AUTO_INCREMENT nor adds it back.
	$wpdb->query("ALTER TABLE {$wpdb->leadtrail_visitors} MODIFY id bigint(20) unsigned NOT NULL");
	$wpdb->query("ALTER TABLE {$wpdb->leadtrail_sessions} MODIFY id bigint(20) unsigned NOT NULL");
	$wpdb->query("ALTER TABLE {$wpdb->leadtrail_hits} MODIFY id bigint(20) unsigned NOT NULL");

	(new IdRenumbering($wpdb))->run();
};
