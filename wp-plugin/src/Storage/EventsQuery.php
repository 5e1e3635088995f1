<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use LeadTrail\Admin\EventFilter;

/**
 * Reads events for the Events screen, its CSV export and a visitor's timeline.
 */
final class EventsQuery
{
	private const COLUMNS = 'id, visitor_id, session_id, hit_id, created_at, category, action, name, value';

	private readonly string $events;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->events = Tables::name($wpdb, Tables::EVENTS);
	}

	public function count(EventFilter $filter): int
	{
		return (int) $this->wpdb->get_var($this->select('COUNT(*)', $filter));
	}

	/**
	 * The newest events that pass the filter.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function page(EventFilter $filter, int $perPage, int $offset): array
	{
		$sql = $this->select(self::COLUMNS, $filter) . $this->wpdb->prepare(' ORDER BY id DESC LIMIT %d OFFSET %d', $perPage, $offset);
		return $this->rows($sql);
	}

	/**
	 * A batch of the export: events older than $beforeId (all when null), newest first.
	 * Keyed on id, so each batch costs the same however deep the export is.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function batch(EventFilter $filter, ?int $beforeId, int $size): array
	{
		$extra = $beforeId === null ? [] : [$this->wpdb->prepare('id < %d', $beforeId)];
		$sql = $this->select(self::COLUMNS, $filter, $extra) . $this->wpdb->prepare(' ORDER BY id DESC LIMIT %d', $size);
		return $this->rows($sql);
	}

	/**
	 * The distinct values of a column, for the filter's suggestions.
	 *
	 * @param 'category'|'action' $column
	 * @return list<string>
	 */
	public function distinct(string $column, int $limit): array
	{
		$column = $column === 'action' ? 'action' : 'category';
		$values = $this->wpdb->get_col(
			$this->wpdb->prepare("SELECT DISTINCT {$column} FROM {$this->events} ORDER BY {$column} LIMIT %d", $limit)
		);
		return is_array($values) ? array_map('strval', $values) : [];
	}

	public function countForVisitor(int $visitorId): int
	{
		return (int) $this->wpdb->get_var(
			$this->wpdb->prepare("SELECT COUNT(*) FROM {$this->events} WHERE visitor_id = %d", $visitorId)
		);
	}

	/** @return list<array<string, string|null>> the visitor's events, newest first */
	public function forVisitor(int $visitorId, int $perPage, int $offset): array
	{
		return $this->rows($this->wpdb->prepare(
			'SELECT ' . self::COLUMNS . " FROM {$this->events} WHERE visitor_id = %d ORDER BY id DESC LIMIT %d OFFSET %d",
			$visitorId,
			$perPage,
			$offset
		));
	}

	/** @param list<string> $extra further conditions, already prepared */
	private function select(string $columns, EventFilter $filter, array $extra = []): string
	{
		$where = FilteredQuery::where($filter->conditions(), $extra, $this->wpdb->prepare(...));
		return "SELECT {$columns} FROM {$this->events}{$where}";
	}

	/** @return list<array<string, string|null>> */
	private function rows(string $sql): array
	{
		$rows = $this->wpdb->get_results($sql, ARRAY_A);
		return is_array($rows) ? $rows : [];
	}
}
