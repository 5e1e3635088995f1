<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Privacy;

use LeadTrail\Privacy\ExportPage;
use PHPUnit\Framework\TestCase;

final class ExportPageTest extends TestCase
{
	private const COUNTS = ['visitors' => 2, 'contacts' => 0, 'requests' => 3, 'hits' => 250];

	/** @return array<string, array{int, string, int, bool}> page => section, offset, last */
	public static function pages(): array
	{
		return [
			'first section' => [1, 'visitors', 0, false],
			'an empty section is skipped' => [2, 'requests', 0, false],
			'a large section, first page' => [3, 'hits', 0, false],
			'a large section, second page' => [4, 'hits', 100, false],
			'the last page, partly full' => [5, 'hits', 200, true],
		];
	}

	/** @dataProvider pages */
	public function testWalksTheSectionsInPagesOfAtMostPerPageRows(int $page, string $section, int $offset, bool $last): void
	{
		$at = ExportPage::locate(self::COUNTS, $page, 100);

		self::assertNotNull($at);
		self::assertSame([$section, $offset, $last], [$at->section, $at->offset, $at->last]);
	}

	public function testAFullLastPageIsTheLast(): void
	{
		$at = ExportPage::locate(['hits' => 200], 2, 100);

		self::assertNotNull($at);
		self::assertSame(100, $at->offset);
		self::assertTrue($at->last);
	}

	public function testThereIsNoPageBeforeTheFirstPastTheLastOrOfNothing(): void
	{
		self::assertNull(ExportPage::locate(self::COUNTS, 0, 100));
		self::assertNull(ExportPage::locate(self::COUNTS, 6, 100));
		self::assertNull(ExportPage::locate(['visitors' => 0, 'hits' => 0], 1, 100));
	}
}
