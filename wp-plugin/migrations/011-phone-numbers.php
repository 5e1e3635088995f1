<?php
/**
 * Call tracking's numbers: the site's own, the static numbers of traffic-source
 * rules, the pools' numbers with their fallbacks, and the history of which session
 * held which pool number when, which attributes a call (docs/contracts.md, "Phone
 * numbers").
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$numbers = Tables::name($wpdb, Tables::NUMBERS);
	$holds = Tables::name($wpdb, Tables::NUMBER_HOLDS);

	// digits: E.164 without "+". kind: site, static, pool or fallback. label: the
	// source the number stands for, as the screens and the calls show it. A pool
	// number's row is also its slot: the session holding it until held_until (UTC),
	// taken with one UPDATE ... LIMIT 1 (PoolTake). exhausted: on a fallback row, the
	// new sessions that found every number of its pool held.
	dbDelta(
		"CREATE TABLE {$numbers} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
digits varchar(15) CHARACTER SET ascii NOT NULL,
kind varchar(8) CHARACTER SET ascii NOT NULL,
pool_id int(10) unsigned NOT NULL DEFAULT 0,
position int(10) unsigned NOT NULL DEFAULT 0,
label varchar(191) NOT NULL DEFAULT '',
session_id bigint(20) unsigned NOT NULL DEFAULT 0,
visitor_id bigint(20) unsigned NOT NULL DEFAULT 0,
held_from datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
held_until datetime NOT NULL DEFAULT '1970-01-01 00:00:00',
exhausted int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id),
UNIQUE KEY digits (digits),
KEY kind (kind,pool_id,position),
KEY session_id (session_id)
) {$charset};"
	);

	// One row per session and pool number it was given; held_until (UTC) moves on with
	// each hit of the session, so a call at T belongs to the row with
	// held_from <= T <= held_until. A session that takes the number again after a
	// gap gets a new row (a new held_from).
	dbDelta(
		"CREATE TABLE {$holds} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
digits varchar(15) CHARACTER SET ascii NOT NULL,
visitor_id bigint(20) unsigned NOT NULL,
session_id bigint(20) unsigned NOT NULL,
held_from datetime NOT NULL,
held_until datetime NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY session_hold (session_id,digits,held_from),
KEY digits_time (digits,held_from),
KEY visitor_id (visitor_id)
) {$charset};"
	);
};
