<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use Closure;
use LeadTrail\Admin\EventFilter;

/**
 * Reads events for the Events screen, its CSV export and a visitor's timeline.
 */
final class EventsQuery
{
	private const COLUMNS = 'id, visitor_id, session_id, hit_id, created_at, category, action, name, value';

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public function count(EventFilter $filter): int
	{
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- select() prepares the filter's values; the rest is this class's SQL
		return (int) $this->wpdb->get_var($this->select('COUNT(*)', $filter));
	}

	/**
	 * The newest events that pass the filter.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function page(EventFilter $filter, int $perPage, int $offset): array
	{
		$wpdb = $this->wpdb;
		$sql = $this->select(self::COLUMNS, $filter) . $wpdb->prepare(' ORDER BY id DESC LIMIT %d OFFSET %d', $perPage, $offset);
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
		$wpdb = $this->wpdb;
		$extra = $beforeId === null ? [] : [$wpdb->prepare('id < %d', $beforeId)];
		$sql = $this->select(self::COLUMNS, $filter, $extra) . $wpdb->prepare(' ORDER BY id DESC LIMIT %d', $size);
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
		$wpdb = $this->wpdb;
		$values = $column === 'action'
			? $wpdb->get_col($wpdb->prepare("SELECT DISTINCT action FROM {$wpdb->leadtrail_events} ORDER BY action LIMIT %d", $limit))
			: $wpdb->get_col($wpdb->prepare("SELECT DISTINCT category FROM {$wpdb->leadtrail_events} ORDER BY category LIMIT %d", $limit));
		return is_array($values) ? array_map('strval', $values) : [];
	}

	public function countForVisitor(int $visitorId): int
	{
		$wpdb = $this->wpdb;
		return (int) $wpdb->get_var(
			$wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->leadtrail_events} WHERE visitor_id = %d", $visitorId)
		);
	}

	/** @return list<array<string, string|null>> the visitor's events, newest first */
	public function forVisitor(int $visitorId, int $perPage, int $offset): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT id, visitor_id, session_id, hit_id, created_at, category, action, name, value
				FROM {$wpdb->leadtrail_events} WHERE visitor_id = %d ORDER BY id DESC LIMIT %d OFFSET %d",
			$visitorId,
			$perPage,
			$offset
		), ARRAY_A);
		return is_array($rows) ? $rows : [];
	}

	/** @param list<string> $extra further conditions, already prepared */
	private function select(string $columns, EventFilter $filter, array $extra = []): string
	{
		$wpdb = $this->wpdb;
		$where = FilteredQuery::where($filter->conditions(), $extra, Closure::fromCallable([$wpdb, 'prepare']));
		return "SELECT {$columns} FROM {$wpdb->leadtrail_events}{$where}";
	}

	/**
	 * @param string $sql a statement of select() with its ORDER BY and LIMIT
	 * @return list<array<string, string|null>>
	 */
	private function rows(string $sql): array
	{
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- select() prepares the filter's values; the rest is this class's SQL
		$rows = $this->wpdb->get_results($sql, ARRAY_A);
		return is_array($rows) ? $rows : [];
	}
}
