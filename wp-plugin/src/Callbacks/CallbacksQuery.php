<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Storage\Tables;

/**
 * Reads the callback queue for LeadTrail > Callbacks and changes an order's status.
 */
final class CallbacksQuery
{
	private readonly string $callbacks;
	private readonly string $sessions;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->callbacks = Tables::name($wpdb, Tables::CALLBACKS);
		$this->sessions = Tables::name($wpdb, Tables::SESSIONS);
	}

	/** @param string|null $status one of CallbackStatus::QUEUE, null for all */
	public function count(?string $status): int
	{
		return (int) $this->wpdb->get_var("SELECT COUNT(*) FROM {$this->callbacks} c" . $this->where($status));
	}

	/**
	 * The orders by when to call, earliest first, with the session's traffic source.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function page(?string $status, int $perPage, int $offset): array
	{
		$rows = $this->wpdb->get_results(
			"SELECT c.id, c.created_at, c.visitor_id, c.session_id, c.page_url, c.phone, c.call_at, c.is_delayed, c.group_id,
				c.status, s.source AS traffic_source, s.medium AS traffic_medium, s.campaign AS traffic_campaign
			FROM {$this->callbacks} c LEFT JOIN {$this->sessions} s ON s.id = c.session_id"
			. $this->where($status)
			. $this->wpdb->prepare(' ORDER BY c.call_at ASC, c.id ASC LIMIT %d OFFSET %d', $perPage, $offset),
			ARRAY_A
		);
		return is_array($rows) ? $rows : [];
	}

	public function countForVisitor(int $visitorId): int
	{
		return (int) $this->wpdb->get_var($this->wpdb->prepare("SELECT COUNT(*) FROM {$this->callbacks} WHERE visitor_id = %d", $visitorId));
	}

	/**
	 * A visitor's latest orders, newest first, for its page.
	 *
	 * @return list<array<string, string|null>>
	 */
	public function latestForVisitor(int $visitorId, int $limit): array
	{
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT id, created_at, phone, call_at, is_delayed, status FROM {$this->callbacks} WHERE visitor_id = %d ORDER BY id DESC LIMIT %d",
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
		$this->wpdb->query($this->wpdb->prepare("UPDATE {$this->callbacks} SET status = %s WHERE id = %d", $status, $id));
		return $this->wpdb->get_var($this->wpdb->prepare("SELECT id FROM {$this->callbacks} WHERE id = %d", $id)) !== null;
	}

	private function where(?string $status): string
	{
		return $status === null ? '' : $this->wpdb->prepare(' WHERE c.status = %s', $status);
	}
}
