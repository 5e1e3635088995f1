<?php
/**
 * The unit tests cover the plugin's pure PHP: no WordPress is loaded.
 */

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';
