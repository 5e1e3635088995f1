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
		$visitors = Tables::name($this->wpdb, Tables::VISITORS);
		$row = $this->wpdb->get_row(
			$this->wpdb->prepare("SELECT id, created_at, last_seen_at, name FROM {$visitors} WHERE id = %d", $visitorId),
			ARRAY_A
		);
		return is_array($row) ? $row : null;
	}

	/** @return list<array{kind: string, value: string, source: string, page_url: string, created_at: string}> */
	public function contacts(int $visitorId): array
	{
		$contacts = Tables::name($this->wpdb, Tables::CONTACTS);
		return $this->rows($this->wpdb->prepare(
			"SELECT kind, value, source, page_url, created_at FROM {$contacts} WHERE visitor_id = %d ORDER BY kind DESC, id",
			$visitorId
		));
	}

	/** @return list<array{name: string, value: string|null, updated_at: string}> */
	public function properties(int $visitorId): array
	{
		$properties = Tables::name($this->wpdb, Tables::PROPERTIES);
		return $this->rows($this->wpdb->prepare(
			"SELECT name, value, updated_at FROM {$properties} WHERE visitor_id = %d ORDER BY id",
			$visitorId
		));
	}

	public function countSessions(int $visitorId): int
	{
		$sessions = Tables::name($this->wpdb, Tables::SESSIONS);
		return (int) $this->wpdb->get_var($this->wpdb->prepare("SELECT COUNT(*) FROM {$sessions} WHERE visitor_id = %d", $visitorId));
	}

	/** @return list<array<string, string>> */
	private function rows(string $sql): array
	{
		$rows = $this->wpdb->get_results($sql, ARRAY_A);
		return is_array($rows) ? $rows : [];
	}
}
