<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

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
		$wpdb = $this->wpdb;
		$session = $wpdb->get_row($wpdb->prepare(
			"SELECT source, medium, campaign, referrer, landing_url, hits FROM {$wpdb->leadtrail_sessions} WHERE id = %d AND visitor_id = %d",
			$sessionId,
			$visitorId,
		), ARRAY_A);
		$properties = $wpdb->get_results($wpdb->prepare(
			"SELECT name, value FROM {$wpdb->leadtrail_properties} WHERE visitor_id = %d ORDER BY id LIMIT 50",
			$visitorId,
		), ARRAY_A);
		$contacts = $wpdb->get_col($wpdb->prepare(
			"SELECT value FROM {$wpdb->leadtrail_contacts} WHERE visitor_id = %d ORDER BY id LIMIT 20",
			$visitorId,
		));
		return [
			'name' => (string) $wpdb->get_var($wpdb->prepare("SELECT name FROM {$wpdb->leadtrail_visitors} WHERE id = %d", $visitorId)),
			'contacts' => array_map('strval', is_array($contacts) ? $contacts : []),
			'source' => is_array($session) ? array_map('strval', $session) : null,
			'properties' => array_map(
				static fn (array $row): array => ['name' => (string) $row['name'], 'value' => $row['value']],
				is_array($properties) ? $properties : [],
			),
			'requests' => (int) $wpdb->get_var($wpdb->prepare(
				"SELECT COUNT(*) FROM {$wpdb->leadtrail_requests} WHERE visitor_id = %d",
				$visitorId,
			)),
		];
	}
}
