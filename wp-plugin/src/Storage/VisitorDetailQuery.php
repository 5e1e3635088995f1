<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * Reads one visitor for its detail page: the visitor row, contacts, properties
 * and sessions (events come from EventsQuery).
 */
final class VisitorDetailQuery
{
	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** @return array{id: string, created_at: string, last_seen_at: string, name: string|null}|null */
	public function visitor(int $visitorId): ?array
	{
		$wpdb = $this->wpdb;
		$row = $wpdb->get_row(
			$wpdb->prepare("SELECT id, created_at, last_seen_at, name FROM {$wpdb->leadtrail_visitors} WHERE id = %d", $visitorId),
			ARRAY_A
		);
		return is_array($row) ? $row : null;
	}

	/** @return list<array{kind: string, value: string, source: string, page_url: string, created_at: string}> */
	public function contacts(int $visitorId): array
	{
		$wpdb = $this->wpdb;
		return $this->rows($wpdb->get_results($wpdb->prepare(
			"SELECT kind, value, source, page_url, created_at FROM {$wpdb->leadtrail_contacts} WHERE visitor_id = %d ORDER BY kind DESC, id",
			$visitorId
		), ARRAY_A));
	}

	/** @return list<array{name: string, value: string|null, updated_at: string}> */
	public function properties(int $visitorId): array
	{
		$wpdb = $this->wpdb;
		return $this->rows($wpdb->get_results($wpdb->prepare(
			"SELECT name, value, updated_at FROM {$wpdb->leadtrail_properties} WHERE visitor_id = %d ORDER BY id",
			$visitorId
		), ARRAY_A));
	}

	public function countSessions(int $visitorId): int
	{
		$wpdb = $this->wpdb;
		return (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$wpdb->leadtrail_sessions} WHERE visitor_id = %d", $visitorId));
	}

	/**
	 * What get_results() read (ARRAY_A), as a list.
	 *
	 * @return list<array<string, string>>
	 */
	private function rows(mixed $rows): array
	{
		return is_array($rows) ? $rows : [];
	}
}
