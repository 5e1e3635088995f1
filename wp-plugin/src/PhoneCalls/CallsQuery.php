<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Admin\CallFilter;
use LeadTrail\Storage\Tables;

/**
 * Reads the calls for LeadTrail > Calls, its CSV export and the visitor's page.
 */
final class CallsQuery
{
	private const COLUMNS = 'c.id, c.provider_call_id, c.called, c.caller, c.started_at, c.duration, c.answered, c.recording_url,
		c.origin, c.attribution, c.visitor_id, c.session_id, c.source, c.created_at, c.status';

	private readonly string $calls;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->calls = Tables::name($wpdb, Tables::PHONE_CALLS);
	}

	public function count(CallFilter $filter): int
	{
		return (int) $this->wpdb->get_var("SELECT COUNT(*) FROM {$this->calls} c" . $this->where($filter));
	}

	/**
	 * Newest call first.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function page(CallFilter $filter, int $limit, int $offset): array
	{
		return $this->rows(
			"SELECT " . self::COLUMNS . " FROM {$this->calls} c" . $this->where($filter)
			. $this->wpdb->prepare(' ORDER BY c.started_at DESC, c.id DESC LIMIT %d OFFSET %d', $limit, $offset)
		);
	}

	/**
	 * One batch of the export: the filtered calls with an id below $before (all when null), newest id first.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function batch(CallFilter $filter, ?int $before, int $limit): array
	{
		[$sql, $args] = $filter->conditions();
		if ($before !== null) {
			$sql[] = 'c.id < %d';
			$args[] = $before;
		}
		$where = $sql === [] ? '' : ' WHERE ' . implode(' AND ', $sql);
		$args[] = $limit;
		return $this->rows($this->wpdb->prepare("SELECT " . self::COLUMNS . " FROM {$this->calls} c{$where} ORDER BY c.id DESC LIMIT %d", ...$args));
	}

	public function countForVisitor(int $visitorId): int
	{
		return (int) $this->wpdb->get_var($this->wpdb->prepare("SELECT COUNT(*) FROM {$this->calls} WHERE visitor_id = %d", $visitorId));
	}

	/** @return list<array<string, string|null>> */
	public function latestForVisitor(int $visitorId, int $limit): array
	{
		return $this->rows($this->wpdb->prepare(
			"SELECT " . self::COLUMNS . " FROM {$this->calls} c WHERE c.visitor_id = %d ORDER BY c.started_at DESC, c.id DESC LIMIT %d",
			$visitorId,
			$limit
		));
	}

	/** @return bool whether the call exists (its status is $status now) */
	public function setStatus(int $id, string $status): bool
	{
		$this->wpdb->query($this->wpdb->prepare("UPDATE {$this->calls} SET status = %s WHERE id = %d", $status, $id));
		return $this->wpdb->get_var($this->wpdb->prepare("SELECT id FROM {$this->calls} WHERE id = %d", $id)) !== null;
	}

	private function where(CallFilter $filter): string
	{
		[$sql, $args] = $filter->conditions();
		if ($sql === []) {
			return '';
		}
		$where = ' WHERE ' . implode(' AND ', $sql);
		return $args === [] ? $where : $this->wpdb->prepare($where, ...$args);
	}

	/** @return list<array<string, string|null>> */
	private function rows(string $sql): array
	{
		$rows = $this->wpdb->get_results($sql, ARRAY_A);
		return is_array($rows) ? $rows : [];
	}
}
