<?php
/**
 * Callback orders (A10), the lock row of their per-site limit (R6) and the
 * captchas (A8) (docs/contracts.md, "Callback orders").
 */

declare(strict_types=1);

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();

	// Times are UTC. call_at is when to call: the delayed time, or the time of the order.
	// Every row is an accepted order (status 0): the limit counts rows by created_at.
	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_callbacks} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
created_at datetime NOT NULL,
visitor_id bigint(20) unsigned NOT NULL,
session_id bigint(20) unsigned NOT NULL,
hit_id bigint(20) unsigned NOT NULL DEFAULT 0,
page_url varchar(2048) NOT NULL DEFAULT '',
phone varchar(64) NOT NULL,
phone_normalized varchar(15) NOT NULL,
call_at datetime NOT NULL,
is_delayed tinyint(1) unsigned NOT NULL DEFAULT 0,
group_id int(10) unsigned DEFAULT NULL,
status varchar(16) NOT NULL DEFAULT 'new',
notify_state varchar(8) NOT NULL DEFAULT 'none',
notified_at datetime DEFAULT NULL,
PRIMARY KEY  (id),
KEY created_at (created_at),
KEY call_at (call_at),
KEY status (status,call_at),
KEY visitor_id (visitor_id),
KEY notify_state (notify_state)
) {$charset};"
	);

	// One row per site: every order takes it with SELECT ... FOR UPDATE before it counts.
	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_callback_lock} (
id tinyint(3) unsigned NOT NULL,
accepted bigint(20) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id)
) {$charset};"
	);
	$wpdb->query("INSERT IGNORE INTO {$wpdb->leadtrail_callback_lock} (id, accepted) VALUES (1, 0)");

	// key_hash: SHA-256 of the key; answer_hash: HMAC of key and answer with the site's secret.
	dbDelta(
		"CREATE TABLE {$wpdb->leadtrail_captchas} (
key_hash char(64) CHARACTER SET ascii NOT NULL,
answer_hash char(64) CHARACTER SET ascii NOT NULL,
created_at int(10) unsigned NOT NULL,
expires_at int(10) unsigned NOT NULL,
used tinyint(1) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (key_hash),
KEY expires_at (expires_at)
) {$charset};"
	);
};
