<?php
/**
 * Page views: one row per hit, with the UTM tags of its URL.
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$hits = Tables::name($wpdb, Tables::HITS);

	dbDelta(
		"CREATE TABLE {$hits} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_id bigint(20) unsigned NOT NULL,
session_id bigint(20) unsigned NOT NULL,
created_at datetime NOT NULL,
url varchar(2048) NOT NULL,
referrer varchar(2048) NOT NULL DEFAULT '',
title varchar(512) NOT NULL DEFAULT '',
utm_source varchar(255) NOT NULL DEFAULT '',
utm_medium varchar(255) NOT NULL DEFAULT '',
utm_campaign varchar(255) NOT NULL DEFAULT '',
utm_term varchar(255) NOT NULL DEFAULT '',
utm_content varchar(255) NOT NULL DEFAULT '',
PRIMARY KEY  (id),
KEY visitor_id (visitor_id),
KEY session_id (session_id),
KEY created_at (created_at)
) {$charset};"
	);
};
