<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Storage\Tables;

/**
 * The overview's numbers, read from the aggregate tables (and the raw rows of a single day
 * for its hours).
 */
final class ReportQuery
{
	private const SUMS = 'SUM(sessions) AS sessions, SUM(pageviews) AS pageviews, SUM(requests) AS requests, SUM(callbacks) AS callbacks,
		SUM(calls) AS calls, SUM(chats) AS chats, SUM(lead_sessions) AS lead_sessions, SUM(sales) AS sales, SUM(revenue) AS revenue';

	public function __construct(private readonly \wpdb $wpdb, private readonly DayBounds $bounds)
	{
	}

	/** @return array<string, int|float> */
	public function totals(ReportRange $range): array
	{
		$wpdb = $this->wpdb;
		$row = $wpdb->get_row($wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- self::SUMS: the sums of the aggregate columns
			'SELECT ' . self::SUMS . " FROM {$wpdb->leadtrail_report_channels} WHERE touch = 'l' AND day BETWEEN %s AND %s",
			$range->from,
			$range->to
		), ARRAY_A);
		return ['visitors' => $this->visitors($range)] + ReportRow::numbers(is_array($row) ? $row : []);
	}

	/**
	 * Distinct visitors with a session in the range: each is counted on its first day in the
	 * range, the one whose previous session day lies before the range (DayAggregator). Until a
	 * rebuild started by an upgrade or an administrator has filled those rows for every day,
	 * they are counted from the sessions' index instead.
	 */
	private function visitors(ReportRange $range): int
	{
		$wpdb = $this->wpdb;
		if (get_option(Rebuild::STATE) !== false) {
			return (int) $wpdb->get_var($wpdb->prepare(
				"SELECT COUNT(DISTINCT visitor_id) FROM {$wpdb->leadtrail_sessions} WHERE local_day BETWEEN %s AND %s",
				$range->from,
				$range->to
			));
		}
		return (int) $wpdb->get_var($wpdb->prepare(
			"SELECT COALESCE(SUM(visitors), 0) FROM {$wpdb->leadtrail_report_visitors} WHERE day BETWEEN %s AND %s AND prev_day < %s",
			$range->from,
			$range->to,
			$range->from
		));
	}

	/**
	 * Sessions and leads per day, or per hour of a single day.
	 *
	 * @return array{unit: string, points: list<array{at: string, sessions: int, leads: int}>}
	 */
	public function chart(ReportRange $range): array
	{
		return $range->isOneDay() ? ['unit' => 'hour', 'points' => $this->hours($range->from)] : ['unit' => 'day', 'points' => $this->days($range)];
	}

	/** @return list<array{at: string, sessions: int, leads: int}> */
	private function days(ReportRange $range): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT day, SUM(sessions) AS sessions, SUM(requests + callbacks + calls + chats) AS leads FROM {$wpdb->leadtrail_report_channels}
				WHERE touch = 'l' AND day BETWEEN %s AND %s GROUP BY day",
			$range->from,
			$range->to
		), ARRAY_A);
		$byDay = array_column(is_array($rows) ? $rows : [], null, 'day');
		return array_map(static fn (string $day): array => [
			'at' => $day,
			'sessions' => (int) ($byDay[$day]['sessions'] ?? 0),
			'leads' => (int) ($byDay[$day]['leads'] ?? 0),
		], DayBounds::days($range->from, $range->to));
	}

	/** @return list<array{at: string, sessions: int, leads: int}> */
	private function hours(string $day): array
	{
		[$start, $end] = $this->bounds->utcRange($day);
		$offset = $this->bounds->offsetOn($day);
		$sessions = $this->perHour(Tables::SESSIONS, 'started_at', $start, $end, $offset);
		$leads = [];
		foreach ([
			[Tables::REQUESTS, 'created_at'],
			[Tables::CALLBACKS, 'created_at'],
			[Tables::PHONE_CALLS, 'started_at'],
			// Unix seconds, as a UTC DATETIME (DATE_ADD does not depend on the session's time zone).
			[Tables::CHATS, "DATE_ADD('1970-01-01 00:00:00', INTERVAL created_at SECOND)"],
		] as [$table, $column]) {
			foreach ($this->perHour($table, $column, $start, $end, $offset) as $hour => $count) {
				$leads[$hour] = ($leads[$hour] ?? 0) + $count;
			}
		}
		$points = [];
		for ($hour = 0; $hour < 24; $hour++) {
			$points[] = ['at' => sprintf('%s %02d:00', $day, $hour), 'sessions' => $sessions[$hour] ?? 0, 'leads' => $leads[$hour] ?? 0];
		}
		return $points;
	}

	/** @return array<int, int> local hour => rows */
	private function perHour(string $table, string $column, string $start, string $end, int $offset): array
	{
		$wpdb = $this->wpdb;
		$from = Tables::name($wpdb, $table);
		$rows = $wpdb->get_results($wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a table and its time column of hours()
			"SELECT HOUR(DATE_ADD({$column}, INTERVAL %d SECOND)) AS hour, COUNT(*) AS n FROM {$from} WHERE {$column} >= %s AND {$column} < %s GROUP BY hour",
			$offset,
			$start,
			$end
		), ARRAY_A);
		return array_map('intval', array_column(is_array($rows) ? $rows : [], 'n', 'hour'));
	}

	/**
	 * Channel rows (source and medium), or the campaigns of one channel.
	 *
	 * @return list<array<string, int|float|string>>
	 */
	public function channels(ReportRange $range, string $touch, ?string $source = null, ?string $medium = null): array
	{
		$wpdb = $this->wpdb;
		$drill = $source !== null && $medium !== null;
		$columns = $drill ? 'source, medium, campaign' : 'source, medium';
		$where = $drill ? $wpdb->prepare(' AND source = %s AND medium = %s', $source, $medium) : '';
		// phpcs:disable WordPress.DB.PreparedSQL -- the columns and the sums are this method's, $where is empty or prepared above
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT {$columns}, " . self::SUMS . " FROM {$wpdb->leadtrail_report_channels}
				WHERE touch = %s AND day BETWEEN %s AND %s{$where} GROUP BY {$columns} ORDER BY sessions DESC LIMIT 500",
			$touch,
			$range->from,
			$range->to
		), ARRAY_A);
		// phpcs:enable WordPress.DB.PreparedSQL
		return array_map(
			static fn (array $row): array => array_intersect_key($row, array_flip(['source', 'medium', 'campaign'])) + ReportRow::numbers($row),
			is_array($rows) ? $rows : []
		);
	}

	/** @return list<array<string, int|float|string>> */
	public function pages(ReportRange $range): array
	{
		$wpdb = $this->wpdb;
		return $this->rows($wpdb->get_results($wpdb->prepare(
			"SELECT page, SUM(sessions) AS sessions, SUM(pageviews) AS pageviews, SUM(leads) AS leads, SUM(sales) AS sales, SUM(revenue) AS revenue
				FROM {$wpdb->leadtrail_report_pages} WHERE day BETWEEN %s AND %s GROUP BY page_key ORDER BY sessions DESC LIMIT 500",
			$range->from,
			$range->to
		), ARRAY_A), ['page']);
	}

	/** @return list<array<string, int|float|string>> */
	public function events(ReportRange $range): array
	{
		$wpdb = $this->wpdb;
		return $this->rows($wpdb->get_results($wpdb->prepare(
			"SELECT category, action, SUM(events) AS events, SUM(sessions) AS sessions, SUM(leads) AS leads
				FROM {$wpdb->leadtrail_report_events} WHERE day BETWEEN %s AND %s GROUP BY event_key ORDER BY events DESC LIMIT 500",
			$range->from,
			$range->to
		), ARRAY_A), ['category', 'action']);
	}

	/**
	 * @param mixed        $rows  what get_results() read (ARRAY_A)
	 * @param list<string> $texts the columns that stay text; the others are numbers
	 * @return list<array<string, int|float|string>>
	 */
	private function rows(mixed $rows, array $texts): array
	{
		return array_map(static function (array $row) use ($texts): array {
			foreach ($row as $name => $value) {
				$row[$name] = in_array($name, $texts, true) ? (string) $value : ($name === 'revenue' ? round((float) $value, 2) : (int) $value);
			}
			return $row;
		}, is_array($rows) ? $rows : []);
	}
}
