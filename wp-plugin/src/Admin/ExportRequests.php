<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\RequestsQuery;

/**
 * The "Export CSV" link of the Requests screen (admin-post.php): the searched and
 * filtered requests as UTF-8 CSV with a byte order mark, streamed in batches.
 * Visitor text is neutralised so a spreadsheet never runs it as a formula.
 */
final class ExportRequests
{
	public const ACTION = 'leadtrail_export_requests';
	private const BATCH = 500;

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to export the requests.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION);

		$filter = RequestFilter::fromQuery(wp_unslash($_GET), wp_timezone());
		$query = new RequestsQuery($wpdb);

		nocache_headers();
		header('Content-Type: text/csv; charset=utf-8');
		header('Content-Disposition: attachment; filename="leadtrail-requests-' . wp_date('Y-m-d-His') . '.csv"');
		header('X-Content-Type-Options: nosniff');

		$out = fopen('php://output', 'wb');
		if ($out === false) {
			exit;
		}
		fwrite($out, "\xEF\xBB\xBF");
		self::row($out, [
			__('ID', 'leadtrail'),
			__('Time', 'leadtrail'),
			__('Status', 'leadtrail'),
			__('Source', 'leadtrail'),
			__('Form', 'leadtrail'),
			__('Name', 'leadtrail'),
			__('E-mail', 'leadtrail'),
			__('Phone', 'leadtrail'),
			__('Phone digits', 'leadtrail'),
			__('Message', 'leadtrail'),
			__('Sale', 'leadtrail'),
			__('Deal amount', 'leadtrail'),
			__('Group ID', 'leadtrail'),
			__('Other fields (JSON)', 'leadtrail'),
			__('Page', 'leadtrail'),
			__('Traffic source', 'leadtrail'),
			__('Medium', 'leadtrail'),
			__('Campaign', 'leadtrail'),
			__('Visitor ID', 'leadtrail'),
			__('Session ID', 'leadtrail'),
			__('Hit ID', 'leadtrail'),
		]);

		$before = null;
		do {
			$rows = $query->batch($filter, $before, self::BATCH);
			foreach ($rows as $row) {
				self::row($out, [
					(string) $row['id'],
					AdminTime::localIso((string) $row['created_at']),
					(string) $row['status'],
					(string) $row['source'],
					CsvCell::neutralise($row['form_name']),
					CsvCell::neutralise($row['name']),
					CsvCell::neutralise($row['email']),
					CsvCell::neutralise($row['phone']),
					(string) $row['phone_normalized'],
					CsvCell::neutralise($row['message']),
					$row['is_sale'] === '1' ? '1' : '0',
					(string) $row['sale_cost'],
					(string) $row['group_id'],
					CsvCell::neutralise($row['user_fields']),
					CsvCell::neutralise($row['page_url']),
					CsvCell::neutralise($row['traffic_source']),
					CsvCell::neutralise($row['traffic_medium']),
					CsvCell::neutralise($row['traffic_campaign']),
					(string) $row['visitor_id'],
					(string) $row['session_id'],
					$row['hit_id'] === '0' ? '' : (string) $row['hit_id'],
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
