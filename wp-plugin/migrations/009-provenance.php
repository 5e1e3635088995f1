<?php
/**
 * Provenance (docs/contracts.md, "Provenance"): whether a contact, a request and a visitor's name
 * came with the visitor's token. The privacy tools link a visitor to an address only through rows
 * that did, and vc/s/ never overwrites a name that did. Rows written before this migration are
 * proven only where their source always carried the token (`js`).
 */

declare(strict_types=1);

use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$columns = [
		Tables::CONTACTS => ['verified', "source = 'js'"],
		Tables::REQUESTS => ['verified', "source = 'js'"],
		Tables::VISITORS => ['name_verified', null],
	];
	foreach ($columns as $name => [$column, $proven]) {
		$table = Tables::name($wpdb, $name);
		// A second request racing this one finds the column there and leaves it.
		if ($wpdb->get_var($wpdb->prepare("SHOW COLUMNS FROM {$table} LIKE %s", $column)) !== null) {
			continue;
		}
		$wpdb->query("ALTER TABLE {$table} ADD COLUMN {$column} tinyint(1) unsigned NOT NULL DEFAULT 0");
		if ($proven !== null) {
			$wpdb->query("UPDATE {$table} SET {$column} = 1 WHERE {$proven}");
		}
	}
};
