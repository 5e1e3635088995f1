<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Leads\NoVisitor;
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
		CsvDownload::authorise(self::ACTION, __('Sorry, you are not allowed to export the requests.', 'leadtrail'));

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- CsvDownload::authorise() checked the nonce and the capability
		$filter = RequestFilter::fromQuery(wp_unslash($_GET), wp_timezone());
		$query = new RequestsQuery($wpdb);

		CsvDownload::send(
			'requests',
			[
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
			],
			self::BATCH,
			static fn (?int $before): array => $query->batch($filter, $before, self::BATCH),
			static fn (array $row): array => [
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
				// No visitor: empty, as a missing hit is, so the ID columns stay numbers.
				NoVisitor::is($row['visitor_id']) ? '' : (string) $row['visitor_id'],
				$row['session_id'] === '0' ? '' : (string) $row['session_id'],
				$row['hit_id'] === '0' ? '' : (string) $row['hit_id'],
			],
		);
	}
}
