<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

/**
 * Reads the callback queue for LeadTrail > Callbacks and changes an order's status.
 */
final class CallbacksQuery
{
	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** @param string|null $status one of CallbackStatus::QUEUE, null for all */
	public function count(?string $status): int
	{
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- where() prepares the status
		return (int) $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->leadtrail_callbacks} c" . $this->where($status));
	}

	/**
	 * The orders by when to call, earliest first, with the session's traffic source.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function page(?string $status, int $perPage, int $offset): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results(
			"SELECT c.id, c.created_at, c.visitor_id, c.session_id, c.page_url, c.phone, c.call_at, c.is_delayed, c.group_id,
				c.status, s.source AS traffic_source, s.medium AS traffic_medium, s.campaign AS traffic_campaign
			FROM {$wpdb->leadtrail_callbacks} c LEFT JOIN {$wpdb->leadtrail_sessions} s ON s.id = c.session_id"
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- where() prepares the status
			. $this->where($status)
			. $wpdb->prepare(' ORDER BY c.call_at ASC, c.id ASC LIMIT %d OFFSET %d', $perPage, $offset),
			ARRAY_A
		);
		return is_array($rows) ? $rows : [];
	}

	public function countForVisitor(int $visitorId): int
	{
		$wpdb = $this->wpdb;
		return (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->leadtrail_callbacks} WHERE visitor_id = %d", $visitorId));
	}

	/**
	 * A visitor's latest orders, newest first, for its page.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function latestForVisitor(int $visitorId, int $limit): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, created_at, phone, call_at, is_delayed, status FROM {$wpdb->leadtrail_callbacks} WHERE visitor_id = %d ORDER BY id DESC LIMIT %d",
				$visitorId,
				$limit
			),
			ARRAY_A
		);
		return is_array($rows) ? $rows : [];
	}

	/** @return bool whether the order exists (its status is $status now) */
	public function setStatus(int $id, string $status): bool
	{
		$wpdb = $this->wpdb;
		$wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_callbacks} SET status = %s WHERE id = %d", $status, $id));
		return $wpdb->get_var($wpdb->prepare("SELECT id FROM {$wpdb->leadtrail_callbacks} WHERE id = %d", $id)) !== null;
	}

	private function where(?string $status): string
	{
		return $status === null ? '' : $this->wpdb->prepare(' WHERE c.status = %s', $status);
	}
}
