<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Storage\Tables;

/**
 * The leads of one channel in a range (the drill-down's list), read from the raw lead
 * tables, which stay small next to hits: requests, callback orders and calls, newest first.
 */
final class ChannelLeads
{
	public const LIMIT = 200;

	public function __construct(private readonly \wpdb $wpdb, private readonly DayBounds $bounds)
	{
	}

	/**
	 * @return list<array<string, int|float|string|null>>
	 */
	public function list(ReportRange $range, string $touch, string $source, string $medium, ?string $campaign): array
	{
		$wpdb = $this->wpdb;
		$start = $this->bounds->utcRange($range->from)[0];
		$end = $this->bounds->utcRange($range->to)[1];
		$parts = [
			['request', Tables::REQUESTS, 'l.created_at', 'COALESCE(l.name, l.email, l.phone)', 'l.page_url', 'l.is_sale', 'l.sale_cost'],
			['callback', Tables::CALLBACKS, 'l.created_at', 'l.phone', 'l.page_url', '0', 'NULL'],
			['call', Tables::PHONE_CALLS, 'l.started_at', 'l.caller', "''", '0', 'NULL'],
			// A chat keeps unix seconds; its contact is the name its visitor left, if any.
			['chat', Tables::CHATS, "DATE_ADD('1970-01-01 00:00:00', INTERVAL l.created_at SECOND)", "(SELECT v.name FROM {$wpdb->leadtrail_visitors} v WHERE v.id = l.visitor_id)", 'l.page', '0', 'NULL'],
		];
		$selects = [];
		// phpcs:disable WordPress.DB.PreparedSQL -- the tables, columns and joins come from $parts and $touch; each value has a placeholder
		foreach ($parts as [$kind, $table, $time, $contact, $page, $sale, $cost]) {
			$join = $touch === 'l'
				? "LEFT JOIN {$wpdb->leadtrail_sessions} a ON a.id = l.session_id"
				: "LEFT JOIN {$wpdb->leadtrail_sessions} a ON a.id = (SELECT f.id FROM {$wpdb->leadtrail_sessions} f WHERE f.visitor_id = l.visitor_id ORDER BY f.started_at, f.id LIMIT 1)";
			$selects[] = $wpdb->prepare(
				"SELECT %s AS kind, l.id, {$time} AS created_at, {$contact} AS contact, {$page} AS page, {$sale} AS is_sale, {$cost} AS sale_cost,
					COALESCE(a.campaign, '') AS campaign
				FROM " . Tables::name($wpdb, $table) . " l {$join}
				WHERE {$time} >= %s AND {$time} < %s AND COALESCE(a.source, '') = %s AND COALESCE(a.medium, '') = %s",
				$kind,
				$start,
				$end,
				$source,
				$medium
			) . ($campaign === null ? '' : $wpdb->prepare(" AND COALESCE(a.campaign, '') = %s", $campaign));
		}
		$rows = $wpdb->get_results(implode(' UNION ALL ', $selects) . ' ORDER BY created_at DESC LIMIT ' . self::LIMIT, ARRAY_A);
		// phpcs:enable WordPress.DB.PreparedSQL
		return array_map(fn (array $row): array => [
			'kind' => (string) $row['kind'],
			'id' => (int) $row['id'],
			'created_at' => wp_date('Y-m-d H:i:s', (int) strtotime($row['created_at'] . ' UTC')),
			'contact' => $row['contact'] === null ? '' : (string) $row['contact'],
			'page' => (string) $row['page'],
			'campaign' => (string) $row['campaign'],
			'is_sale' => (int) $row['is_sale'],
			'sale_cost' => $row['sale_cost'] === null ? null : round((float) $row['sale_cost'], 2),
		], is_array($rows) ? $rows : []);
	}
}
