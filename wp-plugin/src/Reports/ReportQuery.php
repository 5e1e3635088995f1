<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Storage\Tables;

/**
 * The overview's numbers, read from the aggregate tables (plus the covering index of
 * sessions for distinct visitors, and the raw rows of a single day for its hours).
 */
final class ReportQuery
{
	private const SUMS = 'SUM(sessions) AS sessions, SUM(pageviews) AS pageviews, SUM(requests) AS requests, SUM(callbacks) AS callbacks,
		SUM(calls) AS calls, SUM(lead_sessions) AS lead_sessions, SUM(sales) AS sales, SUM(revenue) AS revenue';

	public function __construct(private readonly \wpdb $wpdb, private readonly DayBounds $bounds)
	{
	}

	/** @return array<string, int|float> */
	public function totals(ReportRange $range): array
	{
		$row = $this->wpdb->get_row($this->wpdb->prepare(
			'SELECT ' . self::SUMS . " FROM {$this->table(Tables::REPORT_CHANNELS)} WHERE touch = 'l' AND day BETWEEN %s AND %s",
			$range->from,
			$range->to
		), ARRAY_A);
		$visitors = (int) $this->wpdb->get_var($this->wpdb->prepare(
			"SELECT COUNT(DISTINCT visitor_id) FROM {$this->table(Tables::SESSIONS)} WHERE local_day BETWEEN %s AND %s",
			$range->from,
			$range->to
		));
		return ['visitors' => $visitors] + ReportRow::numbers(is_array($row) ? $row : []);
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
		$rows = $this->wpdb->get_results($this->wpdb->prepare(
			"SELECT day, SUM(sessions) AS sessions, SUM(requests + callbacks + calls) AS leads FROM {$this->table(Tables::REPORT_CHANNELS)}
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
		foreach ([[Tables::REQUESTS, 'created_at'], [Tables::CALLBACKS, 'created_at'], [Tables::PHONE_CALLS, 'started_at']] as [$table, $column]) {
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
		$rows = $this->wpdb->get_results($this->wpdb->prepare(
			"SELECT HOUR(DATE_ADD({$column}, INTERVAL %d SECOND)) AS hour, COUNT(*) AS n FROM {$this->table($table)}
				WHERE {$column} >= %s AND {$column} < %s GROUP BY hour",
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
		$drill = $source !== null && $medium !== null;
		$columns = $drill ? 'source, medium, campaign' : 'source, medium';
		$where = $drill ? $this->wpdb->prepare(' AND source = %s AND medium = %s', $source, $medium) : '';
		$rows = $this->wpdb->get_results($this->wpdb->prepare(
			"SELECT {$columns}, " . self::SUMS . " FROM {$this->table(Tables::REPORT_CHANNELS)}
				WHERE touch = %s AND day BETWEEN %s AND %s{$where} GROUP BY {$columns} ORDER BY sessions DESC LIMIT 500",
			$touch,
			$range->from,
			$range->to
		), ARRAY_A);
		return array_map(
			static fn (array $row): array => array_intersect_key($row, array_flip(['source', 'medium', 'campaign'])) + ReportRow::numbers($row),
			is_array($rows) ? $rows : []
		);
	}

	/** @return list<array<string, int|float|string>> */
	public function pages(ReportRange $range): array
	{
		return $this->rows($this->wpdb->prepare(
			"SELECT page, SUM(sessions) AS sessions, SUM(pageviews) AS pageviews, SUM(leads) AS leads, SUM(sales) AS sales, SUM(revenue) AS revenue
				FROM {$this->table(Tables::REPORT_PAGES)} WHERE day BETWEEN %s AND %s GROUP BY page_key ORDER BY sessions DESC LIMIT 500",
			$range->from,
			$range->to
		), ['page']);
	}

	/** @return list<array<string, int|float|string>> */
	public function events(ReportRange $range): array
	{
		return $this->rows($this->wpdb->prepare(
			"SELECT category, action, SUM(events) AS events, SUM(sessions) AS sessions, SUM(leads) AS leads
				FROM {$this->table(Tables::REPORT_EVENTS)} WHERE day BETWEEN %s AND %s GROUP BY event_key ORDER BY events DESC LIMIT 500",
			$range->from,
			$range->to
		), ['category', 'action']);
	}

	/**
	 * @param list<string> $texts the columns that stay text; the others are numbers
	 * @return list<array<string, int|float|string>>
	 */
	private function rows(string $sql, array $texts): array
	{
		$rows = $this->wpdb->get_results($sql, ARRAY_A);
		return array_map(static function (array $row) use ($texts): array {
			foreach ($row as $name => $value) {
				$row[$name] = in_array($name, $texts, true) ? (string) $value : ($name === 'revenue' ? round((float) $value, 2) : (int) $value);
			}
			return $row;
		}, is_array($rows) ? $rows : []);
	}

	private function table(string $name): string
	{
		return Tables::name($this->wpdb, $name);
	}
}
