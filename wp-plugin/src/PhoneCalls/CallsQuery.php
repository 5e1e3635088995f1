<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Admin\CallFilter;

/**
 * Reads the calls for LeadTrail > Calls, its CSV export and the visitor's page.
 */
final class CallsQuery
{
	private const COLUMNS = 'c.id, c.provider_call_id, c.called, c.caller, c.started_at, c.duration, c.answered, c.recording_url,
		c.origin, c.attribution, c.visitor_id, c.session_id, c.source, c.created_at, c.status';

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public function count(CallFilter $filter): int
	{
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- where() prepares the filter's values
		return (int) $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->leadtrail_phone_calls} c" . $this->where($filter));
	}

	/**
	 * Newest call first.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function page(CallFilter $filter, int $limit, int $offset): array
	{
		$wpdb = $this->wpdb;
		return $this->rows(
			"SELECT " . self::COLUMNS . " FROM {$wpdb->leadtrail_phone_calls} c" . $this->where($filter)
			. $wpdb->prepare(' ORDER BY c.started_at DESC, c.id DESC LIMIT %d OFFSET %d', $limit, $offset)
		);
	}

	/**
	 * One batch of the export: the filtered calls with an id below $before (all when null), newest id first.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function batch(CallFilter $filter, ?int $before, int $limit): array
	{
		$wpdb = $this->wpdb;
		return $this->rows(
			"SELECT " . self::COLUMNS . " FROM {$wpdb->leadtrail_phone_calls} c" . $this->where($filter, $before)
			. $wpdb->prepare(' ORDER BY c.id DESC LIMIT %d', $limit)
		);
	}

	public function countForVisitor(int $visitorId): int
	{
		$wpdb = $this->wpdb;
		return (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->leadtrail_phone_calls} WHERE visitor_id = %d", $visitorId));
	}

	/** @return list<array<string, string|null>> */
	public function latestForVisitor(int $visitorId, int $limit): array
	{
		$wpdb = $this->wpdb;
		return $this->rows("SELECT " . self::COLUMNS . $wpdb->prepare(
			" FROM {$wpdb->leadtrail_phone_calls} c WHERE c.visitor_id = %d ORDER BY c.started_at DESC, c.id DESC LIMIT %d",
			$visitorId,
			$limit
		));
	}

	/** @return bool whether the call exists (its status is $status now) */
	public function setStatus(int $id, string $status): bool
	{
		$wpdb = $this->wpdb;
		$wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_phone_calls} SET status = %s WHERE id = %d", $status, $id));
		return $wpdb->get_var($wpdb->prepare("SELECT id FROM {$wpdb->leadtrail_phone_calls} WHERE id = %d", $id)) !== null;
	}

	/** The filter's WHERE clause, prepared; with ids below $before only when one is given. */
	private function where(CallFilter $filter, ?int $before = null): string
	{
		[$sql, $args] = $filter->conditions();
		if ($before !== null) {
			$sql[] = 'c.id < %d';
			$args[] = $before;
		}
		if ($sql === []) {
			return '';
		}
		$where = ' WHERE ' . implode(' AND ', $sql);
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the filter's conditions, with placeholders for their values
		return $args === [] ? $where : $this->wpdb->prepare($where, ...$args);
	}

	/**
	 * @param string $sql a SELECT of this class's columns, its conditions from where() or prepare()
	 * @return list<array<string, string|null>>
	 */
	private function rows(string $sql): array
	{
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- see $sql: the values in it are prepared
		$rows = $this->wpdb->get_results($sql, ARRAY_A);
		return is_array($rows) ? $rows : [];
	}
}
