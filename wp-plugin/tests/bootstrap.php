<?php
/**
 * The unit tests cover the plugin's pure PHP: no WordPress is loaded.
 */

declare(strict_types=1);

require dirname(__DIR__) . '/autoload.php';
require __DIR__ . '/Support/AssertsRefusals.php';
require __DIR__ . '/Support/MemoryCallStore.php';
require __DIR__ . '/Support/CallFields.php';
require __DIR__ . '/Support/HitFixture.php';
require __DIR__ . '/Support/MemoryLeadStore.php';
require __DIR__ . '/Support/JointCallStore.php';
require __DIR__ . '/Support/MemoryNoticeStore.php';
require __DIR__ . '/Support/FixedLetter.php';
require __DIR__ . '/Support/MemoryCallbackStore.php';
