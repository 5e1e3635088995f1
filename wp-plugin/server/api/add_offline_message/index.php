<?php
/**
 * `POST {consultant_server_url}api/add_offline_message/` (A6, F1): a real folder, so the
 * documented path reaches the lean endpoint on any web server without rewrite rules
 * (its directory index), and a lead gets the contract's 503 when the database is down.
 */

declare(strict_types=1);

define('LEADTRAIL_LEAN_ROUTE', 'add_offline_message');
require dirname(__DIR__, 3) . '/collect.php';
