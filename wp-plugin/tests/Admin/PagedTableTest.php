<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use LeadTrail\Admin\PagedTable;
use PHPUnit\Framework\TestCase;

/**
 * PagedTable in a stand-in for WP_List_Table (no WordPress here): get_pagenum() answers as
 * WordPress's does before the pagination is set, absint(?paged=) unclamped.
 */
final class PagedTableTest extends TestCase
{
	/** @dataProvider pages */
	public function testReadsAnOffsetWithinTheRows(int $requested, int $total, int $expectedOffset): void
	{
		$table = new class ($requested) {
			use PagedTable;

			/** @var array<int, array<string, string|null>> */
			public array $items = [];
			/** @var array<int, mixed> */
			public array $_column_headers = [];
			/** @var array<string, int> */
			public array $pagination = [];

			public function __construct(private readonly int $requested)
			{
			}

			public function get_pagenum(): int
			{
				return max(1, $this->requested);
			}

			/** @param array<string, int> $args */
			public function set_pagination_args(array $args): void
			{
				$this->pagination = $args;
			}

			/** @return array<string, string> */
			public function get_columns(): array
			{
				return ['id' => 'ID'];
			}

			public function show(int $total): void
			{
				$this->showPage($total, 20, 'id', static fn (int $limit, int $offset): array => [['limit' => (string) $limit, 'offset' => (string) $offset]]);
			}
		};

		$table->show($total);

		self::assertSame([['limit' => '20', 'offset' => (string) $expectedOffset]], $table->items);
		self::assertSame(['total_items' => $total, 'per_page' => 20], $table->pagination);
	}

	/** @return array<string, array{int, int, int}> */
	public static function pages(): array
	{
		return [
			'the first page' => [1, 45, 0],
			'the last page' => [3, 45, 40],
			'past the last page: the last page' => [4, 45, 40],
			'?paged=9223372036854775807' => [PHP_INT_MAX, 45, 40],
			'a huge page of an empty list' => [PHP_INT_MAX, 0, 0],
			'a huge page of a list of exactly one page' => [PHP_INT_MAX, 20, 0],
		];
	}
}
