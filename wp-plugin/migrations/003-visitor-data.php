<?php
/**
 * What visitors tell and do: their name, contacts (A14, A15), properties (A16-A19)
 * and events (A1), and the idempotency keys of these calls.
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$visitors = Tables::name($wpdb, Tables::VISITORS);
	$events = Tables::name($wpdb, Tables::EVENTS);
	$contacts = Tables::name($wpdb, Tables::CONTACTS);
	$properties = Tables::name($wpdb, Tables::PROPERTIES);
	$seen = Tables::name($wpdb, Tables::REQUESTS_SEEN);

	// The visitors table of 001 with the name that addVisitorInfo overwrites: dbDelta adds the column.
	dbDelta(
		"CREATE TABLE {$visitors} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
created_at datetime NOT NULL,
last_seen_at datetime NOT NULL,
name varchar(255) DEFAULT NULL,
PRIMARY KEY  (id),
KEY last_seen_at (last_seen_at)
) {$charset};"
	);

	// name and value are NULL when trackEvent was called without them. The prefixes keep the
	// (category, action) key within 767 bytes a column, the limit of older InnoDB row formats.
	dbDelta(
		"CREATE TABLE {$events} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_id bigint(20) unsigned NOT NULL,
session_id bigint(20) unsigned NOT NULL,
hit_id bigint(20) unsigned NOT NULL,
created_at datetime NOT NULL,
category varchar(255) NOT NULL,
action varchar(255) NOT NULL,
name varchar(255) DEFAULT NULL,
value varchar(255) DEFAULT NULL,
PRIMARY KEY  (id),
KEY visitor_id (visitor_id),
KEY created_at (created_at),
KEY category_action (category(191),action(191))
) {$charset};"
	);

	// One row per phone or e-mail of a visitor: value as given, normalized to compare.
	// The unique key is on a SHA-1 of the normalized text, which may be 254 characters.
	dbDelta(
		"CREATE TABLE {$contacts} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_id bigint(20) unsigned NOT NULL,
kind varchar(8) NOT NULL,
value varchar(255) NOT NULL,
normalized varchar(255) NOT NULL,
normalized_hash char(40) CHARACTER SET ascii NOT NULL,
source varchar(16) NOT NULL,
page_url varchar(2048) NOT NULL DEFAULT '',
created_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY visitor_contact (visitor_id,kind,normalized_hash)
) {$charset};"
	);

	// value NULL: set without a value. Names match exactly (byte for byte) through name_hash,
	// a SHA-1 of the name, which also keeps the unique key short.
	dbDelta(
		"CREATE TABLE {$properties} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_id bigint(20) unsigned NOT NULL,
name varchar(255) NOT NULL,
name_hash char(40) CHARACTER SET ascii NOT NULL,
value text DEFAULT NULL,
updated_at datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY visitor_name (visitor_id,name_hash)
) {$charset};"
	);

	// request_id compares case-sensitively (ascii_bin): "abc…" and "ABC…" are two keys.
	dbDelta(
		"CREATE TABLE {$seen} (
visitor_id bigint(20) unsigned NOT NULL,
request_id varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
answer text NOT NULL,
created_at datetime NOT NULL,
PRIMARY KEY  (visitor_id,request_id),
KEY created_at (created_at)
) {$charset};"
	);
};
