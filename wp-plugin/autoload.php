<?php
/**
 * PSR-4 autoloader for LeadTrail\ classes under src/.
 *
 * Hand-written so the plugin ships without Composer, and shared by the plugin,
 * the lean collect.php endpoint and the unit tests.
 */

declare(strict_types=1);

spl_autoload_register(
	static function (string $class): void {
		$prefix = 'LeadTrail\\';
		if (!str_starts_with($class, $prefix)) {
			return;
		}
		$file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
		if (is_file($file)) {
			require $file;
		}
	}
);
