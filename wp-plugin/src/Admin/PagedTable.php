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
		$this->items = $page($perPage, ($this->get_pagenum() - 1) * $perPage);
		$this->set_pagination_args(['total_items' => $total, 'per_page' => $perPage]);
		$this->_column_headers = [$this->get_columns(), [], [], $primaryColumn];
	}
}
