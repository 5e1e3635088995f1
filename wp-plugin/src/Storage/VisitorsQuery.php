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
		$wpdb = $this->wpdb;
		if ($visitorId !== null) {
			return (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->leadtrail_visitors} WHERE id = %d", $visitorId));
		}
		return (int) $wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->leadtrail_visitors}");
	}

	/**
	 * The most recently seen visitors. The counts are subqueries so that they run
	 * for the page's rows only, not for the whole table before the sort.
	 *
	 * @return list<array{id: string, name: string|null, created_at: string, last_seen_at: string, sessions: string, hits: string}>
	 */
	public function page(?int $visitorId, int $perPage, int $offset): array
	{
		$wpdb = $this->wpdb;
		$where = $visitorId !== null ? $wpdb->prepare('WHERE v.id = %d', $visitorId) : '';

		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $where is empty or prepared above
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT v.id, v.name, v.created_at, v.last_seen_at,
					(SELECT COUNT(*) FROM {$wpdb->leadtrail_sessions} s WHERE s.visitor_id = v.id) AS sessions,
					(SELECT COALESCE(SUM(s.hits), 0) FROM {$wpdb->leadtrail_sessions} s WHERE s.visitor_id = v.id) AS hits
				FROM {$wpdb->leadtrail_visitors} v {$where}
				ORDER BY v.last_seen_at DESC, v.id DESC
				LIMIT %d OFFSET %d",
				$perPage,
				$offset
			),
			ARRAY_A
		);
		// phpcs:enable WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_array($rows) ? $rows : [];
	}

	/**
	 * The visitor's latest sessions, newest first.
	 *
	 * @return list<array{id: string, started_at: string, source: string, medium: string, campaign: string, landing_url: string, hits: string}>
	 */
	public function sessions(int $visitorId, int $limit): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT id, started_at, source, medium, campaign, landing_url, hits
				FROM {$wpdb->leadtrail_sessions} WHERE visitor_id = %d ORDER BY started_at DESC, last_hit_at DESC LIMIT %d",
				$visitorId,
				$limit
			),
			ARRAY_A
		);
		return is_array($rows) ? $rows : [];
	}
}
