<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Storage;

use LeadTrail\Storage\TableCharset;
use LeadTrail\Storage\Tables;
use PHPUnit\Framework\TestCase;

final class TableCharsetTest extends TestCase
{
	public function testAnswersUtf8mb4ForEveryTableOfOurs(): void
	{
		foreach (Tables::ALL as $table) {
			self::assertSame('utf8mb4', TableCharset::filter(null, 'wp_' . $table), $table);
		}
	}

	public function testLeavesOtherTablesAndEarlierAnswersAlone(): void
	{
		self::assertNull(TableCharset::filter(null, 'wp_posts'));
		self::assertSame('latin1', TableCharset::filter('latin1', 'wp_leadtrail_events'));
	}
}
