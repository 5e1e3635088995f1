<?php
/**
 * PSR-4 autoloader for LeadTrail\ classes under src/.
 *
 * Hand-written so the plugin ships without Composer, and shared by the plugin,
 * the lean collect.php endpoint and the unit tests.
 */

declare(strict_types=1);

(static function (): void {
	// A file that opcache holds needs no stat: is_file() was half the loader's cost on a hit.
	// A restricted opcache API warns on each call, so it is used only when unrestricted.
	$opcache = function_exists('opcache_is_script_cached') && (string) ini_get('opcache.restrict_api') === '';
	spl_autoload_register(
		static function (string $class) use ($opcache): void {
			$prefix = 'LeadTrail\\';
			if (!str_starts_with($class, $prefix)) {
				return;
			}
			$file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
			if (($opcache && opcache_is_script_cached($file)) || is_file($file)) {
				require $file;
			}
		}
	);
})();
