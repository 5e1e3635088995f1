<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Ingest\LeanBoot;
use PHPUnit\Framework\TestCase;

/**
 * When the lean boot steps aside for SHORTINIT; decided from files alone (connecting
 * is covered end to end: test/e2e/collect-boot.test.ts).
 */
final class LeanBootTest extends TestCase
{
	private string $root;

	protected function setUp(): void
	{
		$this->root = sys_get_temp_dir() . '/leadtrail-boot-' . bin2hex(random_bytes(4));
		mkdir($this->root . '/site/wp-content', 0777, true);
		touch($this->root . '/site/wp-load.php');
		touch($this->root . '/site/wp-settings.php');
	}

	protected function tearDown(): void
	{
		$remove = static function (string $dir) use (&$remove): void {
			foreach (array_diff((array) scandir($dir), ['.', '..']) as $entry) {
				$path = $dir . '/' . $entry;
				is_dir($path) ? $remove($path) : unlink($path);
			}
			rmdir($dir);
		};
		$remove($this->root);
	}

	private function writeConfig(string $extra = '', string $charset = 'utf8mb4', string $at = '/site'): void
	{
		file_put_contents($this->root . $at . '/wp-config.php', "<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'secret' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', '{$charset}' );
{$extra}
\$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
");
	}

	private function prepare(): ?LeanBoot
	{
		return LeanBoot::prepare($this->root . '/site/wp-load.php');
	}

	public function testGoesLeanWithAPlainConfig(): void
	{
		$this->writeConfig();
		self::assertNotNull($this->prepare());
	}

	public function testFindsTheConfigOneLevelUpAsWordPressDoes(): void
	{
		$this->writeConfig('', 'utf8', '');
		self::assertNotNull($this->prepare());
	}

	public function testIgnoresAConfigOneLevelUpThatBelongsToAnotherSite(): void
	{
		$this->writeConfig('', 'utf8', '');
		touch($this->root . '/wp-settings.php');
		self::assertNull($this->prepare());
	}

	public function testStepsAsideWithoutAConfig(): void
	{
		self::assertNull($this->prepare());
	}

	public function testStepsAsideWhenTheConfigIsNotPlain(): void
	{
		$this->writeConfig("define( 'WP_HOME', getenv( 'HOME_URL' ) );");
		self::assertNull($this->prepare());
	}

	/** @dataProvider otherConnections */
	public function testStepsAsideWhenWordPressWouldConnectDifferently(string $extra, string $charset): void
	{
		$this->writeConfig($extra, $charset);
		self::assertNull($this->prepare());
	}

	/** @return array<string, array{string, string}> */
	public static function otherConnections(): array
	{
		return [
			'latin1' => ['', 'latin1'],
			'no charset' => ['', ''],
			'multisite' => ["define( 'MULTISITE', true );", 'utf8mb4'],
			'subdomain network' => ["define( 'SUBDOMAIN_INSTALL', false );", 'utf8mb4'],
			'client flags' => ["define( 'MYSQL_CLIENT_FLAGS', 2048 );", 'utf8mb4'],
			'ext/mysql' => ["define( 'WP_USE_EXT_MYSQL', true );", 'utf8mb4'],
		];
	}

	public function testANetworkSwitchedOffIsNoNetwork(): void
	{
		$this->writeConfig("define( 'MULTISITE', false );");
		self::assertNotNull($this->prepare());
	}

	public function testStepsAsideForADatabaseDropIn(): void
	{
		$this->writeConfig();
		touch($this->root . '/site/wp-content/db.php');
		self::assertNull($this->prepare());
	}

	public function testLooksForTheDropInWhereWpContentDirSays(): void
	{
		mkdir($this->root . '/content');
		$this->writeConfig("define( 'WP_CONTENT_DIR', '{$this->root}/content' );");
		self::assertNotNull($this->prepare());

		touch($this->root . '/content/db.php');
		self::assertNull($this->prepare());
	}

	public function testStepsAsideInMaintenanceMode(): void
	{
		$this->writeConfig();
		touch($this->root . '/site/.maintenance');
		self::assertNull($this->prepare());
	}

	public function testStepsAsideForAPrefixWordPressRefuses(): void
	{
		$this->writeConfig();
		$config = $this->root . '/site/wp-config.php';
		file_put_contents($config, str_replace("'wp_'", "'wp-'", (string) file_get_contents($config)));
		self::assertNull($this->prepare());
	}
}
