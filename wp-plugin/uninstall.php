<?php
/**
 * Deleting the plugin in wp-admin removes its tables and options.
 */

declare(strict_types=1);

defined('WP_UNINSTALL_PLUGIN') || exit;

require_once __DIR__ . '/autoload.php';

global $wpdb;

foreach (\LeadTrail\Storage\Tables::ALL as $table) {
	$wpdb->query('DROP TABLE IF EXISTS ' . \LeadTrail\Storage\Tables::name($wpdb, $table));
}

$wpdb->query(
	$wpdb->prepare("DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like('leadtrail_') . '%')
);
// The operator capability, from every role that has it.
foreach (wp_roles()->role_objects as $leadtrail_role) {
	$leadtrail_role->remove_cap('leadtrail_operator');
}
wp_clear_scheduled_hook('leadtrail_send_notifications');
wp_clear_scheduled_hook('leadtrail_forward_outbox');
wp_clear_scheduled_hook('leadtrail_prune_tracking');
// The deleted options may still sit in the object cache.
wp_cache_flush();
