<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Ingest\WpLoadLocator;
use PHPUnit\Framework\TestCase;

final class WpLoadLocatorTest extends TestCase
{
	private string $root;

	protected function setUp(): void
	{
		$this->root = sys_get_temp_dir() . '/leadtrail-locator-' . bin2hex(random_bytes(4));
		mkdir($this->root . '/site/wp-content/plugins/leadtrail/server/api/add_offline_message', 0777, true);
		mkdir($this->root . '/elsewhere/wp-plugin', 0777, true);
		touch($this->root . '/site/wp-load.php');
	}

	protected function tearDown(): void
	{
		unlink($this->root . '/site/wp-load.php');
		foreach (['/site/wp-content/plugins/leadtrail/server/api/add_offline_message', '/site/wp-content/plugins/leadtrail/server/api', '/site/wp-content/plugins/leadtrail/server', '/site/wp-content/plugins/leadtrail', '/site/wp-content/plugins', '/site/wp-content', '/site', '/elsewhere/wp-plugin', '/elsewhere', ''] as $dir) {
			rmdir($this->root . $dir);
		}
	}

	public function testWalksUpFromThePluginFolder(): void
	{
		self::assertSame(
			$this->root . '/site/wp-load.php',
			WpLoadLocator::find([$this->root . '/site/wp-content/plugins/leadtrail'])
		);
	}

	public function testWalksUpFromTheDeepestEntryFolder(): void
	{
		// `{consultant_server_url}api/add_offline_message/` runs collect.php from its own folder.
		self::assertSame(
			$this->root . '/site/wp-load.php',
			WpLoadLocator::find([$this->root . '/site/wp-content/plugins/leadtrail/server/api/add_offline_message'])
		);
	}

	public function testTriesTheNextStartWhenTheFirstLeadsNowhere(): void
	{
		// A symlinked plugin: its real folder is outside the site, the script path is inside.
		self::assertSame(
			$this->root . '/site/wp-load.php',
			WpLoadLocator::find([$this->root . '/elsewhere/wp-plugin', $this->root . '/site/wp-content/plugins/leadtrail'])
		);
	}

	public function testFindsNothingOutsideASite(): void
	{
		self::assertNull(WpLoadLocator::find([$this->root . '/elsewhere/wp-plugin']));
	}
}
