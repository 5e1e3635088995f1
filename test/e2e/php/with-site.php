<?php
/**
 * Runs a test's PHP with a harness site loaded, as its administrator (a form plugin's own API is
 * PHP): `php with-site.php <site dir> <site url> <script> [args...]`; the script sees the rest of
 * the arguments in $args and prints its answer.
 */
declare(strict_types=1);

// Names of their own: loading WordPress sets globals of its own ($theme, $plugin...).
[, $leadtrail_dir, $leadtrail_url, $leadtrail_script] = $argv;
$_SERVER['HTTP_HOST']   = (string) parse_url($leadtrail_url, PHP_URL_HOST) . ':' . (string) parse_url($leadtrail_url, PHP_URL_PORT);
$_SERVER['SERVER_NAME'] = (string) parse_url($leadtrail_url, PHP_URL_HOST);
$_SERVER['REQUEST_URI'] = '/';
require $leadtrail_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user(1);
$args = array_slice($argv, 4);
require $leadtrail_script;
