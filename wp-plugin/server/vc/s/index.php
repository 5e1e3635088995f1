<?php
/**
 * `GET {consultant_server_url}vc/s/` (A15, F3): a real folder, so the documented path
 * reaches the lean endpoint on any web server without rewrite rules (its directory
 * index), and the tracker gets the contract's 503 when the database is down.
 */

declare(strict_types=1);

define('LEADTRAIL_LEAN_ROUTE', 'tracker');
require dirname(__DIR__, 3) . '/collect.php';
