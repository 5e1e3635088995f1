<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Storage\Tables;

/**
 * What an operator sees of a chat's visitor: name and contacts, the traffic source
 * and pages of the chat's session, properties, and how many requests they sent.
 */
final class ChatVisitorInfo
{
	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** @return array<string, mixed> */
	public function of(int $visitorId, int $sessionId): array
	{
		$t = fn (string $table): string => Tables::name($this->wpdb, $table);
		$session = $this->wpdb->get_row($this->wpdb->prepare(
			"SELECT source, medium, campaign, referrer, landing_url, hits FROM {$t(Tables::SESSIONS)} WHERE id = %d AND visitor_id = %d",
			$sessionId,
			$visitorId,
		), ARRAY_A);
		$properties = $this->wpdb->get_results($this->wpdb->prepare(
			"SELECT name, value FROM {$t(Tables::PROPERTIES)} WHERE visitor_id = %d ORDER BY id LIMIT 50",
			$visitorId,
		), ARRAY_A);
		$contacts = $this->wpdb->get_col($this->wpdb->prepare(
			"SELECT value FROM {$t(Tables::CONTACTS)} WHERE visitor_id = %d ORDER BY id LIMIT 20",
			$visitorId,
		));
		return [
			'name' => (string) $this->wpdb->get_var($this->wpdb->prepare("SELECT name FROM {$t(Tables::VISITORS)} WHERE id = %d", $visitorId)),
			'contacts' => array_map('strval', is_array($contacts) ? $contacts : []),
			'source' => is_array($session) ? array_map('strval', $session) : null,
			'properties' => array_map(
				static fn (array $row): array => ['name' => (string) $row['name'], 'value' => $row['value']],
				is_array($properties) ? $properties : [],
			),
			'requests' => (int) $this->wpdb->get_var($this->wpdb->prepare(
				"SELECT COUNT(*) FROM {$t(Tables::REQUESTS)} WHERE visitor_id = %d",
				$visitorId,
			)),
		];
	}
}
