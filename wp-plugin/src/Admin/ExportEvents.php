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
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to export the events.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION);

		$filter = EventFilter::fromQuery(wp_unslash($_GET), wp_timezone(), EventFilter::EXPORT_ACTION);
		$query = new EventsQuery($wpdb);

		nocache_headers();
		header('Content-Type: text/csv; charset=utf-8');
		header('Content-Disposition: attachment; filename="leadtrail-events-' . wp_date('Y-m-d-His') . '.csv"');
		header('X-Content-Type-Options: nosniff');

		$out = fopen('php://output', 'wb');
		if ($out === false) {
			exit;
		}
		fwrite($out, "\xEF\xBB\xBF");
		self::row($out, [
			__('Time', 'leadtrail'),
			__('Category', 'leadtrail'),
			__('Action', 'leadtrail'),
			__('Name', 'leadtrail'),
			__('Value', 'leadtrail'),
			__('Visitor ID', 'leadtrail'),
			__('Session ID', 'leadtrail'),
			__('Hit ID', 'leadtrail'),
		]);

		$before = null;
		do {
			$rows = $query->batch($filter, $before, self::BATCH);
			foreach ($rows as $row) {
				self::row($out, [
					AdminTime::localIso((string) $row['created_at']),
					CsvCell::neutralise($row['category']),
					CsvCell::neutralise($row['action']),
					CsvCell::neutralise($row['name']),
					CsvCell::neutralise($row['value']),
					(string) $row['visitor_id'],
					(string) $row['session_id'],
					(string) $row['hit_id'],
				]);
				$before = (int) $row['id'];
			}
			fflush($out);
		} while (count($rows) === self::BATCH);

		fclose($out);
		exit;
	}

	/**
	 * RFC 4180 quoting: a quote is doubled, never backslash-escaped.
	 *
	 * @param resource     $out
	 * @param list<string> $cells
	 */
	private static function row($out, array $cells): void
	{
		fputcsv($out, $cells, ',', '"', '', "\r\n");
	}
}
