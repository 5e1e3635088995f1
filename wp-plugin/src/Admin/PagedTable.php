<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use Closure;

/**
 * For a WP_List_Table: the current page of its rows, its pagination and its
 * columns, which every LeadTrail list sets up the same way.
 */
trait PagedTable
{
	/**
	 * @param Closure(int, int): array<int, array<string, string|null>> $page the rows of one page, from a limit and an offset
	 */
	private function showPage(int $total, int $perPage, string $primaryColumn, Closure $page): void
	{
		// get_pagenum() is ?paged= as given: past the last page it shows the last one, as the
		// pagination links do, and a huge one (PHP_INT_MAX) never overflows the offset into a float.
		$lastPage = max(1, intdiv($total + $perPage - 1, $perPage));
		$this->items = $page($perPage, (min($this->get_pagenum(), $lastPage) - 1) * $perPage);
		$this->set_pagination_args(['total_items' => $total, 'per_page' => $perPage]);
		$this->_column_headers = [$this->get_columns(), [], [], $primaryColumn];
	}
}
