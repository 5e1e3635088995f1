<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\EventsQuery;

/**
 * The "Export CSV" link of the Events screen (admin-post.php): the filtered
 * events as UTF-8 CSV with a byte order mark (so Excel reads the Cyrillic),
 * streamed in batches so a large export needs little memory.
 */
final class ExportEvents
{
	public const ACTION = 'leadtrail_export_events';
	private const BATCH = 1000;

	public function handle(): void
	{
		global $wpdb;
		CsvDownload::authorise(self::ACTION, __('Sorry, you are not allowed to export the events.', 'leadtrail'));

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- CsvDownload::authorise() checked the nonce and the capability
		$filter = EventFilter::fromQuery(wp_unslash($_GET), wp_timezone(), EventFilter::EXPORT_ACTION);
		$query = new EventsQuery($wpdb);

		CsvDownload::send(
			'events',
			[
				__('Time', 'leadtrail'),
				__('Category', 'leadtrail'),
				__('Action', 'leadtrail'),
				__('Name', 'leadtrail'),
				__('Value', 'leadtrail'),
				__('Visitor ID', 'leadtrail'),
				__('Session ID', 'leadtrail'),
				__('Hit ID', 'leadtrail'),
			],
			self::BATCH,
			static fn (?int $before): array => $query->batch($filter, $before, self::BATCH),
			static fn (array $row): array => [
				AdminTime::localIso((string) $row['created_at']),
				CsvCell::neutralise($row['category']),
				CsvCell::neutralise($row['action']),
				CsvCell::neutralise($row['name']),
				CsvCell::neutralise($row['value']),
				(string) $row['visitor_id'],
				(string) $row['session_id'],
				(string) $row['hit_id'],
			],
		);
	}
}
