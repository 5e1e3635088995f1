<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Storage;

use LeadTrail\Storage\FilteredQuery;
use PHPUnit\Framework\TestCase;

final class FilteredQueryTest extends TestCase
{
	public function testNoConditionsGiveNoWhere(): void
	{
		self::assertSame('', FilteredQuery::where([[], []], [], self::prepare(...)));
	}

	public function testTheFiltersConditionsArePreparedWithTheirValues(): void
	{
		self::assertSame(
			" WHERE category = 'Forms' AND created_at >= '2024-01-01 00:00:00'",
			FilteredQuery::where([['category = %s', 'created_at >= %s'], ['Forms', '2024-01-01 00:00:00']], [], self::prepare(...))
		);
	}

	public function testExtraConditionsAreAddedAsTheyAre(): void
	{
		self::assertSame(' WHERE id < 40', FilteredQuery::where([[], []], ['id < 40'], self::prepare(...)));
		self::assertSame(
			" WHERE action = 'send' AND r.id < 40 AND r.id > 2",
			FilteredQuery::where([['action = %s'], ['send']], ['r.id < 40', 'r.id > 2'], self::prepare(...))
		);
	}

	/** A stand-in for wpdb::prepare(): %s quoted, %d as an integer. */
	private static function prepare(string $sql, array $args): string
	{
		return vsprintf(str_replace('%s', "'%s'", $sql), $args);
	}
}
