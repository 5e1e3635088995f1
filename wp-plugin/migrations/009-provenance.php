<?php
/**
 * Provenance (docs/contracts.md, "Provenance"): whether a contact, a request and a visitor's name
 * came with the visitor's token. The privacy tools link a visitor to an address only through rows
 * that did, and vc/s/ never overwrites a name that did. Rows written before this migration are
 * proven only where their source always carried the token (`js`).
 */

declare(strict_types=1);

return static function (\wpdb $wpdb): void {
	// Each column only where it is missing: a second request racing this one finds it there and leaves it.
	if ($wpdb->get_var($wpdb->prepare("SHOW COLUMNS FROM {$wpdb->leadtrail_contacts} LIKE %s", 'verified')) === null) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_contacts} ADD COLUMN verified tinyint(1) unsigned NOT NULL DEFAULT 0");
		$wpdb->query("UPDATE {$wpdb->leadtrail_contacts} SET verified = 1 WHERE source = 'js'");
	}
	if ($wpdb->get_var($wpdb->prepare("SHOW COLUMNS FROM {$wpdb->leadtrail_requests} LIKE %s", 'verified')) === null) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_requests} ADD COLUMN verified tinyint(1) unsigned NOT NULL DEFAULT 0");
		$wpdb->query("UPDATE {$wpdb->leadtrail_requests} SET verified = 1 WHERE source = 'js'");
	}
	if ($wpdb->get_var($wpdb->prepare("SHOW COLUMNS FROM {$wpdb->leadtrail_visitors} LIKE %s", 'name_verified')) === null) {
		$wpdb->query("ALTER TABLE {$wpdb->leadtrail_visitors} ADD COLUMN name_verified tinyint(1) unsigned NOT NULL DEFAULT 0");
	}
};
