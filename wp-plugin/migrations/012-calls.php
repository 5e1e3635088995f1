<?php
/**
 * Phone calls reported by a telephony provider's webhook or imported from a call
 * log, each with the visit it is attributed to, and the call logs being imported
 * (docs/contracts.md, "Calls").
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$calls = Tables::name($wpdb, Tables::PHONE_CALLS);
	$imports = Tables::name($wpdb, Tables::CALL_IMPORTS);

	// call_key: SHA-256 of the provider's call id, or of number + caller + start time
	// without one; its unique key makes a call sent twice one row. Times are UTC.
	// attribution: session (a pool number held by a session at started_at), static
	// (a static number's source) or none; visitor_id and session_id 0 without a session.
	// status: new or processed, as the Calls screen's users mark them.
	dbDelta(
		"CREATE TABLE {$calls} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
call_key char(64) CHARACTER SET ascii NOT NULL,
provider_call_id varchar(191) DEFAULT NULL,
called varchar(15) CHARACTER SET ascii NOT NULL,
caller varchar(15) CHARACTER SET ascii NOT NULL,
started_at datetime NOT NULL,
duration int(10) unsigned NOT NULL DEFAULT 0,
answered tinyint(1) unsigned NOT NULL,
recording_url varchar(2048) NOT NULL DEFAULT '',
origin varchar(8) CHARACTER SET ascii NOT NULL,
attribution varchar(8) CHARACTER SET ascii NOT NULL,
visitor_id bigint(20) unsigned NOT NULL DEFAULT 0,
session_id bigint(20) unsigned NOT NULL DEFAULT 0,
source varchar(191) NOT NULL DEFAULT '',
created_at datetime NOT NULL,
status varchar(16) CHARACTER SET ascii NOT NULL DEFAULT 'new',
notify_state varchar(8) CHARACTER SET ascii NOT NULL DEFAULT 'none',
notified_at datetime DEFAULT NULL,
PRIMARY KEY  (id),
UNIQUE KEY call_key (call_key),
KEY started_at (started_at),
KEY visitor_id (visitor_id),
KEY session_id (session_id),
KEY called (called),
KEY caller (caller),
KEY notify_state (notify_state)
) {$charset};"
	);

	// An uploaded call log while it is mapped and imported, in the database so every web
	// node reads the same file; deleted a day after its upload.
	dbDelta(
		"CREATE TABLE {$imports} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
user_id bigint(20) unsigned NOT NULL,
file_name varchar(191) NOT NULL,
content longblob NOT NULL,
created_at datetime NOT NULL,
PRIMARY KEY  (id),
KEY created_at (created_at)
) {$charset};"
	);
};
