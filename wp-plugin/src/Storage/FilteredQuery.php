<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * The WHERE clause of an admin list from its filter's conditions (EventFilter,
 * RequestFilter) and further conditions the query adds, such as an export
 * batch's keyset: one place, so the screens and their CSV exports agree.
 */
final class FilteredQuery
{
	/**
	 * @param array{0: list<string>, 1: list<int|string>} $filter the filter's conditions() (placeholders) and their values
	 * @param list<string> $extra further conditions, already prepared
	 * @param \Closure(string, list<int|string>): string $prepare wpdb::prepare()
	 * @return string "" for no condition, else " WHERE …"
	 */
	public static function where(array $filter, array $extra, \Closure $prepare): string
	{
		[$conditions, $args] = $filter;
		$where = '';
		if ($conditions !== []) {
			$where = $prepare(' WHERE ' . implode(' AND ', $conditions), $args);
		}
		if ($extra !== []) {
			$where .= ($where === '' ? ' WHERE ' : ' AND ') . implode(' AND ', $extra);
		}
		return $where;
	}
}
