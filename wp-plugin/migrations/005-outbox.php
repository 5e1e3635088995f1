<?php
/**
 * Cloud mode's outbox (docs/contracts.md, "Outbox"): one row per lead to forward to the vendor,
 * written in the lead's own transaction, with its delivery state.
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$outbox = Tables::name($wpdb, Tables::OUTBOX);

	// Times are unix seconds (the test clock applies). target: the URL the lead goes to;
	// payload: the A6 form fields as a JSON object. claim_token: the worker that holds the row.
	dbDelta(
		"CREATE TABLE {$outbox} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
request_id bigint(20) unsigned NOT NULL,
target varchar(2048) NOT NULL,
payload mediumtext NOT NULL,
state varchar(16) NOT NULL DEFAULT 'pending',
attempts int(10) unsigned NOT NULL DEFAULT 0,
next_try_at int(10) unsigned DEFAULT NULL,
claimed_at int(10) unsigned DEFAULT NULL,
claim_token char(32) DEFAULT NULL,
last_error varchar(512) DEFAULT NULL,
created_at int(10) unsigned NOT NULL,
delivered_at int(10) unsigned DEFAULT NULL,
PRIMARY KEY  (id),
UNIQUE KEY request_id (request_id),
KEY due (state,next_try_at)
) {$charset};"
	);
};
