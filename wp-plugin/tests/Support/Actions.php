<?php
/**
 * WordPress's did_action() for the unit tests, which load no WordPress: how often an action ran,
 * as the test sets it in $GLOBALS['leadtrail_test_actions'] (action => count).
 */

declare(strict_types=1);

if (!function_exists('did_action')) {
	function did_action(string $hook_name): int
	{
		return (int) ($GLOBALS['leadtrail_test_actions'][$hook_name] ?? 0);
	}
}
