<?php
/**
 * Connects as the lean endpoint does, lets the database close the connection (KILL, as a
 * restart or wait_timeout would), then asks where a visitor's session is. Prints what the
 * plugin made of it: "unavailable" (the 503 path) or the Location it read.
 *
 * Usage: php lost-connection.php <site dir> <plugin dir>
 */

declare(strict_types=1);

use LeadTrail\Calls\CallRecorder;
use LeadTrail\Ingest\LeanBoot;
use LeadTrail\Ingest\StorageUnavailable;

[, $site, $plugin] = $argv;
require $plugin . '/autoload.php';

$boot = LeanBoot::prepare($site . '/wp-load.php') ?? throw new RuntimeException('LeanBoot stepped aside');
$wpdb = $boot->connect();
$recorder = new CallRecorder($wpdb);
$wpdb->query('KILL CONNECTION_ID()');
try {
	$location = $recorder->locate(1, 2, 3);
	echo 'read: mismatch ', var_export($location->mismatch, true), "\n";
} catch (StorageUnavailable $e) {
	echo 'unavailable: ', $e->getMessage(), "\n";
}
