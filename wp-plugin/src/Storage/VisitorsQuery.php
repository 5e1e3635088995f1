<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * Reads visitors and their sessions for the Visitors screen.
 */
final class VisitorsQuery
{
	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public function count(?int $visitorId): int
	{
		$visitors = Tables::name($this->wpdb, Tables::VISITORS);
		if ($visitorId !== null) {
			return (int) $this->wpdb->get_var($this->wpdb->prepare("SELECT COUNT(*) FROM {$visitors} WHERE id = %d", $visitorId));
		}
		return (int) $this->wpdb->get_var("SELECT COUNT(*) FROM {$visitors}");
	}

	/**
	 * The most recently seen visitors. The counts are subqueries so that they run
	 * for the page's rows only, not for the whole table before the sort.
	 *
	 * @return list<array{id: string, name: string|null, created_at: string, last_seen_at: string, sessions: string, hits: string}>
	 */
	public function page(?int $visitorId, int $perPage, int $offset): array
	{
		$visitors = Tables::name($this->wpdb, Tables::VISITORS);
		$sessions = Tables::name($this->wpdb, Tables::SESSIONS);
		$where = $visitorId !== null ? $this->wpdb->prepare('WHERE v.id = %d', $visitorId) : '';

		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT v.id, v.name, v.created_at, v.last_seen_at,
					(SELECT COUNT(*) FROM {$sessions} s WHERE s.visitor_id = v.id) AS sessions,
					(SELECT COALESCE(SUM(s.hits), 0) FROM {$sessions} s WHERE s.visitor_id = v.id) AS hits
				FROM {$visitors} v {$where}
				ORDER BY v.last_seen_at DESC, v.id DESC
				LIMIT %d OFFSET %d",
				$perPage,
				$offset
			),
			ARRAY_A
		);
		return is_array($rows) ? $rows : [];
	}

	/**
	 * The visitor's latest sessions, newest first.
	 *
	 * @return list<array{id: string, started_at: string, source: string, medium: string, campaign: string, landing_url: string, hits: string}>
	 */
	public function sessions(int $visitorId, int $limit): array
	{
		$sessions = Tables::name($this->wpdb, Tables::SESSIONS);
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare(
				"SELECT id, started_at, source, medium, campaign, landing_url, hits
				FROM {$sessions} WHERE visitor_id = %d ORDER BY started_at DESC, last_hit_at DESC LIMIT %d",
				$visitorId,
				$limit
			),
			ARRAY_A
		);
		return is_array($rows) ? $rows : [];
	}
}
