<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Storage;

use Closure;
use LeadTrail\Storage\Migrations;
use PHPUnit\Framework\TestCase;

final class MigrationsTest extends TestCase
{
	public function testLatestIsTheNumberOfTheLastFile(): void
	{
		$files = (new Migrations(dirname(__DIR__, 2) . '/migrations'))->files();

		self::assertSame(Migrations::LATEST, array_key_last($files));
	}

	public function testFilesAreNumberedWithoutGaps(): void
	{
		$files = (new Migrations(dirname(__DIR__, 2) . '/migrations'))->files();

		self::assertSame(range(1, count($files)), array_keys($files));
	}

	public function testEveryFileReturnsAMigrationClosure(): void
	{
		foreach ((new Migrations(dirname(__DIR__, 2) . '/migrations'))->files() as $path) {
			self::assertInstanceOf(Closure::class, require $path, basename($path));
		}
	}
}
