<?php
/**
 * Deleting the plugin in wp-admin removes its tables and options.
 */

declare(strict_types=1);

defined('WP_UNINSTALL_PLUGIN') || exit;

require_once __DIR__ . '/autoload.php';

global $wpdb;

foreach (\LeadTrail\Storage\Tables::ALL as $table) {
	// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- every table of Tables::ALL
	$wpdb->query('DROP TABLE IF EXISTS ' . \LeadTrail\Storage\Tables::name($wpdb, $table));
}

$wpdb->query(
	$wpdb->prepare("DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like('leadtrail_') . '%')
);
// The capabilities of the settings' Roles part, from every role that has them.
foreach (wp_roles()->role_objects as $leadtrail_role) {
	$leadtrail_role->remove_cap('leadtrail_operator');
	$leadtrail_role->remove_cap('leadtrail_view_reports');
}
wp_clear_scheduled_hook('leadtrail_send_notifications');
wp_clear_scheduled_hook('leadtrail_forward_outbox');
wp_clear_scheduled_hook('leadtrail_prune_tracking');
wp_clear_scheduled_hook('leadtrail_report_catch_up');
// The deleted options may still sit in the object cache.
wp_cache_flush();
