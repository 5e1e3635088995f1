<?php

declare(strict_types=1);

// Constants WordPress defines at run time, which the stubs only declare as functions' defaults.
define('ABSPATH', '/');
define('WPINC', 'wp-includes');
define('ARRAY_A', 'ARRAY_A');
define('ARRAY_N', 'ARRAY_N');
define('OBJECT', 'OBJECT');
define('MINUTE_IN_SECONDS', 60);
define('HOUR_IN_SECONDS', 3600);
define('DAY_IN_SECONDS', 86400);
define('WEEK_IN_SECONDS', 604800);
define('MONTH_IN_SECONDS', 2592000);
define('YEAR_IN_SECONDS', 31536000);
define('WP_CONTENT_DIR', '/wp-content');
define('WP_PLUGIN_DIR', '/wp-content/plugins');
define('WPMU_PLUGIN_DIR', '/wp-content/mu-plugins');
