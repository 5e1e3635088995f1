<?php
/**
 * Installs a harness WordPress without wp-cli (ENV.md): run as
 * `php install.php <site dir> <site url> <activate plugin: 0|1> [demo page html file] [theme]`;
 * without a theme, that WordPress's default theme (Debian's 6.1 ships only Twenty Twenty-One).
 */
declare(strict_types=1);

[, $dir, $url, $activate, $demo, $leadtrail_theme] = array_pad($argv, 6, '');
$host = (string) parse_url($url, PHP_URL_HOST) . ':' . (string) parse_url($url, PHP_URL_PORT);
$_SERVER['HTTP_HOST']   = $host;
$_SERVER['SERVER_NAME'] = (string) parse_url($url, PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require $dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	wp_install('LeadTrail Dev', 'admin', 'admin@example.com', true, '', 'admin');
}
update_option('permalink_structure', '/%postname%/');
update_option('timezone_string', 'Europe/Moscow');
// Loading WordPress sets and unsets its own global $theme: this one has a name of its own.
if ( $leadtrail_theme === '' ) {
	$leadtrail_theme = wp_get_theme(WP_DEFAULT_THEME)->exists() ? WP_DEFAULT_THEME : 'twentytwentyone';
}
if ( ! wp_get_theme($leadtrail_theme)->exists() ) {
	fwrite(STDERR, "The theme \"$leadtrail_theme\" is not installed in $dir\n");
	exit(1);
}
switch_theme($leadtrail_theme);
wp_set_current_user(1);

if ( $activate === '1' ) {
	$result = activate_plugin('leadtrail/leadtrail.php');
	if ( is_wp_error($result) ) {
		fwrite(STDERR, 'Activating LeadTrail failed: ' . $result->get_error_message() . "\n");
		exit(1);
	}
}

if ( $demo !== '' && ! get_page_by_path('leadtrail-demo') ) {
	// An admin may post any HTML; the demo's inline scripts must survive as written.
	kses_remove_filters();
	wp_insert_post(array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_name'    => 'leadtrail-demo',
		'post_title'   => 'LeadTrail demo',
		'post_content' => "<!-- wp:html -->\n" . file_get_contents($demo) . "\n<!-- /wp:html -->",
	));
}
flush_rewrite_rules(true);
echo "installed\n";
