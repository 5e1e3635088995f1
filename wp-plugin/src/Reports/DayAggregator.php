<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use LeadTrail\Storage\Tables;

/**
 * Recomputes the aggregate rows of one local day from the raw tables, so running it
 * again (the catch-up, a rebuild, two web nodes at once) always gives the same rows.
 *
 * What is counted on which day: sessions and their page views on the session's day;
 * leads (requests, callback orders, calls, chats), sales and revenue on the lead's own day,
 * in the channel of its session (last touch) or of its visitor's first session (first
 * touch). Landing pages and events count the leads of their sessions, whenever made.
 */
final class DayAggregator
{
	/** The previous day of a visitor's first day: before any day a site can have. */
	public const NO_EARLIER_DAY = '1000-01-01';

	public function __construct(private readonly \wpdb $wpdb, private readonly DayBounds $bounds)
	{
	}

	public function run(string $day): void
	{
		$wpdb = $this->wpdb;
		[$start, $end] = $this->bounds->utcRange($day);
		$wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_report_channels} WHERE day = %s", $day));
		$wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_report_pages} WHERE day = %s", $day));
		$wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_report_events} WHERE day = %s", $day));
		$wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_report_visitors} WHERE day = %s", $day));
		$this->channels($day, $start, $end, 'l');
		$this->channels($day, $start, $end, 'f');
		$this->pages($day);
		$this->events($day, $start, $end);
		$this->visitors($day);
	}

	/** The SQL of the session that a row's lead (or session) is attributed to, joined as `a`. */
	private function touchJoin(string $touch, string $sessionColumn, string $visitorColumn): string
	{
		$sessions = $this->table(Tables::SESSIONS);
		if ($touch === 'l') {
			return "LEFT JOIN {$sessions} a ON a.id = {$sessionColumn}";
		}
		return "LEFT JOIN {$sessions} a ON a.id = (SELECT f.id FROM {$sessions} f WHERE f.visitor_id = {$visitorColumn} ORDER BY f.started_at, f.id LIMIT 1)";
	}

	private function channels(string $day, string $start, string $end, string $touch): void
	{
		$wpdb = $this->wpdb;
		$sessions = $this->table(Tables::SESSIONS);
		$requests = $this->table(Tables::REQUESTS);
		$callbacks = $this->table(Tables::CALLBACKS);
		$calls = $this->table(Tables::PHONE_CALLS);
		$chats = $this->table(Tables::CHATS);
		$channel = "COALESCE(a.source, '') AS src, COALESCE(a.medium, '') AS med, COALESCE(a.campaign, '') AS camp";
		$sql = "INSERT INTO {$this->table(Tables::REPORT_CHANNELS)}
			(day, touch, channel_key, source, medium, campaign, sessions, pageviews, requests, callbacks, calls, chats, lead_sessions, sales, revenue)
			SELECT %s, %s, SHA1(CONCAT_WS(CHAR(9), src, med, camp)), src, med, camp, SUM(s), SUM(pv), SUM(rq), SUM(cb), SUM(cl), SUM(ch),
				COUNT(DISTINCT ls), SUM(sale), SUM(rev)
			FROM (
				SELECT {$channel}, 1 AS s, x.hits AS pv, 0 AS rq, 0 AS cb, 0 AS cl, 0 AS ch, NULL AS ls, 0 AS sale, 0 AS rev
					FROM {$sessions} x {$this->touchJoin($touch, 'x.id', 'x.visitor_id')} WHERE x.local_day = %s
				UNION ALL
				SELECT {$channel}, 0, 0, 1, 0, 0, 0, NULLIF(r.session_id, 0), r.is_sale, IF(r.is_sale = 1, COALESCE(r.sale_cost, 0), 0)
					FROM {$requests} r {$this->touchJoin($touch, 'r.session_id', 'r.visitor_id')} WHERE r.created_at >= %s AND r.created_at < %s
				UNION ALL
				SELECT {$channel}, 0, 0, 0, 1, 0, 0, NULLIF(c.session_id, 0), 0, 0
					FROM {$callbacks} c {$this->touchJoin($touch, 'c.session_id', 'c.visitor_id')} WHERE c.created_at >= %s AND c.created_at < %s
				UNION ALL
				SELECT {$channel}, 0, 0, 0, 0, 1, 0, NULLIF(p.session_id, 0), 0, 0
					FROM {$calls} p {$this->touchJoin($touch, 'p.session_id', 'p.visitor_id')} WHERE p.started_at >= %s AND p.started_at < %s
				UNION ALL
				SELECT {$channel}, 0, 0, 0, 0, 0, 1, NULLIF(h.session_id, 0), 0, 0
					FROM {$chats} h {$this->touchJoin($touch, 'h.session_id', 'h.visitor_id')} WHERE h.created_at >= %d AND h.created_at < %d
			) rows_of_day
			GROUP BY src, med, camp";
		// Chats keep unix seconds.
		$unix = static fn (string $utc): int => (int) strtotime($utc . ' UTC');
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- $sql: this class's tables and fragments, a placeholder for each value
		$wpdb->query($wpdb->prepare($sql, $day, $touch, $day, $start, $end, $start, $end, $start, $end, $unix($start), $unix($end)));
	}

	/** The leads of session `x` (requests, callback orders, calls, chats), as a scalar subquery. */
	private function leadsOf(string $alias): string
	{
		$requests = $this->table(Tables::REQUESTS);
		$callbacks = $this->table(Tables::CALLBACKS);
		$calls = $this->table(Tables::PHONE_CALLS);
		$chats = $this->table(Tables::CHATS);
		// Requests, callbacks and chats are indexed by visitor, calls by session.
		return "((SELECT COUNT(*) FROM {$requests} r WHERE r.visitor_id = {$alias}.visitor_id AND r.session_id = {$alias}.id)
			+ (SELECT COUNT(*) FROM {$callbacks} c WHERE c.visitor_id = {$alias}.visitor_id AND c.session_id = {$alias}.id)
			+ (SELECT COUNT(*) FROM {$calls} p WHERE p.session_id = {$alias}.id)
			+ (SELECT COUNT(*) FROM {$chats} h WHERE h.visitor_id = {$alias}.visitor_id AND h.session_id = {$alias}.id))";
	}

	private function pages(string $day): void
	{
		$wpdb = $this->wpdb;
		$sessions = $this->table(Tables::SESSIONS);
		$requests = $this->table(Tables::REQUESTS);
		$sql = "INSERT INTO {$this->table(Tables::REPORT_PAGES)} (day, page_key, page, sessions, pageviews, leads, sales, revenue)
			SELECT %s, SHA1(page), page, COUNT(*), SUM(hits), SUM(leads), SUM(sales), SUM(revenue) FROM (
				SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(x.landing_url, '#', 1), '?', 1) AS page, x.hits, {$this->leadsOf('x')} AS leads,
					(SELECT COUNT(*) FROM {$requests} r WHERE r.visitor_id = x.visitor_id AND r.session_id = x.id AND r.is_sale = 1) AS sales,
					(SELECT COALESCE(SUM(r.sale_cost), 0) FROM {$requests} r WHERE r.visitor_id = x.visitor_id AND r.session_id = x.id AND r.is_sale = 1) AS revenue
				FROM {$sessions} x WHERE x.local_day = %s
			) landings GROUP BY page";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- $sql: this class's tables and fragments, a placeholder for each value
		$wpdb->query($wpdb->prepare($sql, $day, $day));
	}

	private function events(string $day, string $start, string $end): void
	{
		$wpdb = $this->wpdb;
		$events = $this->table(Tables::EVENTS);
		$sql = "INSERT INTO {$this->table(Tables::REPORT_EVENTS)} (day, event_key, category, action, events, sessions, leads)
			SELECT %s, SHA1(CONCAT_WS(CHAR(9), category, action)), category, action, SUM(n), COUNT(*), SUM({$this->leadsOf('e')}) FROM (
				SELECT category, action, session_id AS id, visitor_id, COUNT(*) AS n FROM {$events}
				WHERE created_at >= %s AND created_at < %s GROUP BY category, action, session_id, visitor_id
			) e GROUP BY category, action";
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- $sql: this class's tables and fragments, a placeholder for each value
		$wpdb->query($wpdb->prepare($sql, $day, $start, $end));
	}

	/**
	 * The day's visitors by the day of each one's previous session (NO_EARLIER_DAY for none): a
	 * visitor is in a range's count through the one day of the range whose previous day lies
	 * before the range, so a range's distinct visitors are a sum (ReportQuery::visitors()).
	 */
	private function visitors(string $day): void
	{
		$wpdb = $this->wpdb;
		$wpdb->query($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_report_visitors} (day, prev_day, visitors)
			SELECT %s, prev_day, COUNT(*) FROM (
				SELECT COALESCE((SELECT MAX(p.local_day) FROM {$wpdb->leadtrail_sessions} p WHERE p.visitor_id = d.visitor_id AND p.local_day < %s), %s) AS prev_day
				FROM (SELECT DISTINCT visitor_id FROM {$wpdb->leadtrail_sessions} WHERE local_day = %s) d
			) by_visitor GROUP BY prev_day",
			$day,
			$day,
			self::NO_EARLIER_DAY,
			$day
		));
	}

	private function table(string $name): string
	{
		return Tables::name($this->wpdb, $name);
	}
}
