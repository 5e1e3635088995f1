<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use Closure;
use LeadTrail\Admin\RequestFilter;

/**
 * Reads lead requests for the Requests screen, a request's page and the CSV
 * export, and changes a request's status.
 */
final class RequestsQuery
{
	private const LIST_COLUMNS = 'r.id, r.created_at, r.visitor_id, r.session_id, r.hit_id, r.name, r.email, r.phone,
		r.message, r.is_sale, r.sale_cost, r.group_id, r.form_name, r.source, r.status';
	private const EXPORT_COLUMNS = 'r.id, r.created_at, r.visitor_id, r.session_id, r.hit_id, r.page_url, r.name, r.email,
		r.phone, r.phone_normalized, r.message, r.is_sale, r.sale_cost, r.group_id, r.form_name, r.user_fields, r.source,
		r.status, s.source AS traffic_source, s.medium AS traffic_medium, s.campaign AS traffic_campaign';

	public function __construct(private readonly \wpdb $wpdb)
	{
		TableCharset::assumeOurs($wpdb);
	}

	public function count(RequestFilter $filter): int
	{
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- select() prepares the filter's values; the rest is this class's SQL
		return (int) $this->wpdb->get_var($this->select('COUNT(*)', $filter));
	}

	/** @return list<array<string, string|null>> the newest requests that pass the filter */
	public function page(RequestFilter $filter, int $perPage, int $offset): array
	{
		$wpdb = $this->wpdb;
		return $this->rows(
			$this->select(self::LIST_COLUMNS, $filter) . $wpdb->prepare(' ORDER BY r.id DESC LIMIT %d OFFSET %d', $perPage, $offset)
		);
	}

	/**
	 * A batch of the export, with the session's traffic source: requests older than
	 * $beforeId (all when null), newest first.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function batch(RequestFilter $filter, ?int $beforeId, int $size): array
	{
		$wpdb = $this->wpdb;
		$extra = $beforeId === null ? [] : [$wpdb->prepare('r.id < %d', $beforeId)];
		$join = " LEFT JOIN {$wpdb->leadtrail_sessions} s ON s.id = r.session_id";
		return $this->rows(
			$this->select(self::EXPORT_COLUMNS, $filter, $extra, $join) . $wpdb->prepare(' ORDER BY r.id DESC LIMIT %d', $size)
		);
	}

	/** @return list<string> the form names used, for the filter */
	public function formNames(int $limit): array
	{
		$wpdb = $this->wpdb;
		$values = $wpdb->get_col($wpdb->prepare(
			"SELECT DISTINCT form_name FROM {$wpdb->leadtrail_requests} WHERE form_name IS NOT NULL ORDER BY form_name LIMIT %d",
			$limit
		));
		return is_array($values) ? array_map('strval', $values) : [];
	}

	/** @return list<string> the sources used, for the filter */
	public function sources(): array
	{
		$wpdb = $this->wpdb;
		$values = $wpdb->get_col("SELECT DISTINCT source FROM {$wpdb->leadtrail_requests} ORDER BY source LIMIT 50");
		return is_array($values) ? array_map('strval', $values) : [];
	}

	/**
	 * One request with its visitor's name and its session's traffic source.
	 *
	 * @return array<string, string|null>|null
	 */
	public function find(int $id): ?array
	{
		$wpdb = $this->wpdb;
		$row = $wpdb->get_row($wpdb->prepare(
			"SELECT r.*, v.name AS visitor_name, s.source AS traffic_source, s.medium AS traffic_medium,
				s.campaign AS traffic_campaign, s.referrer AS session_referrer, s.landing_url AS session_landing_url,
				s.started_at AS session_started_at
			FROM {$wpdb->leadtrail_requests} r
			LEFT JOIN {$wpdb->leadtrail_visitors} v ON v.id = r.visitor_id
			LEFT JOIN {$wpdb->leadtrail_sessions} s ON s.id = r.session_id
			WHERE r.id = %d",
			$id
		), ARRAY_A);
		return is_array($row) ? $row : null;
	}

	/** @return bool whether a request with this id exists (its status is $status now) */
	public function setStatus(int $id, string $status): bool
	{
		$wpdb = $this->wpdb;
		$wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_requests} SET status = %s WHERE id = %d", $status, $id));
		return $wpdb->get_var($wpdb->prepare("SELECT id FROM {$wpdb->leadtrail_requests} WHERE id = %d", $id)) !== null;
	}

	public function countForVisitor(int $visitorId): int
	{
		$wpdb = $this->wpdb;
		return (int) $wpdb->get_var(
			$wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->leadtrail_requests} WHERE visitor_id = %d", $visitorId)
		);
	}

	/**
	 * A visitor's latest requests, newest first, for its page.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function latestForVisitor(int $visitorId, int $limit): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT id, created_at, name, email, phone, form_name, source, status FROM {$wpdb->leadtrail_requests} WHERE visitor_id = %d ORDER BY id DESC LIMIT %d",
			$visitorId,
			$limit
		), ARRAY_A);
		return is_array($rows) ? $rows : [];
	}

	/** @param list<string> $extra further conditions, already prepared */
	private function select(string $columns, RequestFilter $filter, array $extra = [], string $join = ''): string
	{
		$wpdb = $this->wpdb;
		$where = FilteredQuery::where($filter->conditions(), $extra, Closure::fromCallable([$wpdb, 'prepare']));
		return "SELECT {$columns} FROM {$wpdb->leadtrail_requests} r{$join}{$where}";
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
