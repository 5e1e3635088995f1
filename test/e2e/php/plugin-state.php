<?php
/**
 * `plugin-state.php activate|deactivate <plugin file>`, e.g. `formidable/formidable.php`: as wp-admin
 * does it (activating runs the plugin's activation hook: its tables and defaults).
 */
declare(strict_types=1);

[$action, $file] = $args;
if ($action === 'deactivate') {
	deactivate_plugins($file);
	echo "deactivated\n";
	return;
}
$result = activate_plugin($file);
if (is_wp_error($result)) {
	fwrite(STDERR, 'Activating ' . $file . ' failed: ' . $result->get_error_message() . "\n");
	exit(1);
}
echo "activated\n";
