<?php
/**
 * Lead requests (A4, A6), the fingerprints that keep a submission to one row,
 * and the rate-limit counts (docs/contracts.md, "Lead requests", "Storage").
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$requests = Tables::name($wpdb, Tables::REQUESTS);
	$claims = Tables::name($wpdb, Tables::REQUEST_CLAIMS);
	$limits = Tables::name($wpdb, Tables::RATE_LIMITS);

	// Text not given is NULL. user_fields is a JSON object of up to 50 × (255 + 1000)
	// characters, more than TEXT holds in utf8mb4. The prefixes keep keys within 767 bytes.
	// One character set for every column: wpdb refuses non-ASCII queries (the screen's
	// search) on a table whose columns mix character sets.
	dbDelta(
		"CREATE TABLE {$requests} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
created_at datetime NOT NULL,
visitor_id bigint(20) unsigned NOT NULL,
session_id bigint(20) unsigned NOT NULL,
hit_id bigint(20) unsigned NOT NULL DEFAULT 0,
page_url varchar(2048) NOT NULL DEFAULT '',
name varchar(255) DEFAULT NULL,
email varchar(254) DEFAULT NULL,
phone varchar(64) DEFAULT NULL,
phone_normalized varchar(15) DEFAULT NULL,
message text DEFAULT NULL,
is_sale tinyint(1) unsigned NOT NULL DEFAULT 0,
sale_cost decimal(15,2) DEFAULT NULL,
group_id int(10) unsigned DEFAULT NULL,
form_name varchar(255) DEFAULT NULL,
user_fields mediumtext DEFAULT NULL,
source varchar(32) NOT NULL,
status varchar(16) NOT NULL DEFAULT 'new',
fingerprint char(40) NOT NULL,
notify_state varchar(8) NOT NULL DEFAULT 'none',
notified_at datetime DEFAULT NULL,
PRIMARY KEY  (id),
KEY created_at (created_at),
KEY visitor_id (visitor_id),
KEY form_name (form_name(191)),
KEY source (source),
KEY status (status,created_at),
KEY is_sale (is_sale),
KEY notify_state (notify_state)
) {$charset};"
	);

	// One row per fingerprint; created_at (unix seconds) is when the live claim began.
	dbDelta(
		"CREATE TABLE {$claims} (
fingerprint char(40) CHARACTER SET ascii NOT NULL,
created_at int(10) unsigned NOT NULL,
PRIMARY KEY  (fingerprint),
KEY created_at (created_at)
) {$charset};"
	);

	// bucket: an HMAC of a client address or visitor id; window_start: unix seconds.
	dbDelta(
		"CREATE TABLE {$limits} (
bucket char(40) CHARACTER SET ascii NOT NULL,
window_start int(10) unsigned NOT NULL,
hits int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (bucket,window_start),
KEY window_start (window_start)
) {$charset};"
	);
};
