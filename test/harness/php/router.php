<?php
/**
 * Router for `php -S`: existing files and folders are served as they are; every other path goes
 * to WordPress's index.php, as Apache's rewrite rules would (pretty permalinks, /wp-json/).
 */
declare(strict_types=1);

$leadtrail_root = rtrim((string) $_SERVER['DOCUMENT_ROOT'], '/');
$leadtrail_path = (string) parse_url((string) $_SERVER['REQUEST_URI'], PHP_URL_PATH);
$leadtrail_file = $leadtrail_root . $leadtrail_path;

if ( $leadtrail_path !== '/' && is_file($leadtrail_file) ) {
	return false;
}
if ( is_dir($leadtrail_file) && is_file(rtrim($leadtrail_file, '/') . '/index.php') ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $leadtrail_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
require $leadtrail_root . '/index.php';
