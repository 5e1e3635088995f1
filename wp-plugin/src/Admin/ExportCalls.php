<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallsQuery;

/**
 * The "Export CSV" link of LeadTrail > Calls (admin-post.php): the filtered calls
 * as UTF-8 CSV, streamed in batches. Text that came from a provider or a file is
 * neutralised so a spreadsheet never runs it as a formula.
 */
final class ExportCalls
{
	public const ACTION = 'leadtrail_export_calls';
	private const BATCH = 500;

	public function handle(): void
	{
		global $wpdb;
		CsvDownload::authorise(self::ACTION, __('Sorry, you are not allowed to export the calls.', 'leadtrail'));

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- CsvDownload::authorise() checked the nonce and the capability
		$filter = CallFilter::fromQuery(wp_unslash($_GET), wp_timezone());
		$query = new CallsQuery($wpdb);

		CsvDownload::send(
			'calls',
			[
				__('ID', 'leadtrail'),
				__('Time', 'leadtrail'),
				__('Caller', 'leadtrail'),
				__('Number called', 'leadtrail'),
				__('Status', 'leadtrail'),
				__('Duration (s)', 'leadtrail'),
				__('Source', 'leadtrail'),
				__('Attribution', 'leadtrail'),
				__('Visitor ID', 'leadtrail'),
				__('Session ID', 'leadtrail'),
				__('Recording', 'leadtrail'),
				__('Provider call ID', 'leadtrail'),
				__('Received by', 'leadtrail'),
				__('Status', 'leadtrail'),
			],
			self::BATCH,
			static fn (?int $before): array => $query->batch($filter, $before, self::BATCH),
			static fn (array $row): array => [
				(string) $row['id'],
				AdminTime::localIso((string) $row['started_at']),
				CsvCell::neutralise(CallLabels::number($row['caller'])),
				CsvCell::neutralise(CallLabels::number($row['called'])),
				$row['answered'] === '1' ? 'answered' : 'missed',
				(string) $row['duration'],
				CsvCell::neutralise($row['source']),
				(string) $row['attribution'],
				$row['visitor_id'] === '0' ? '' : (string) $row['visitor_id'],
				$row['session_id'] === '0' ? '' : (string) $row['session_id'],
				CsvCell::neutralise($row['recording_url']),
				CsvCell::neutralise($row['provider_call_id']),
				(string) $row['origin'],
				(string) $row['status'],
			],
		);
	}
}
