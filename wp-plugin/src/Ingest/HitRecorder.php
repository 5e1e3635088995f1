<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use DateTimeImmutable;
use DateTimeZone;
use LeadTrail\Identity\SessionRules;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\TableCharset;
use LeadTrail\Storage\Tables;
use LeadTrail\Traffic\TrafficSource;

/**
 * Stores a hit with $wpdb in one transaction: a new or continued visitor,
 * a new or continued session, and the hit row.
 */
final class HitRecorder implements HitStore
{
	private readonly Sql $sql;
	private readonly string $visitors;
	private readonly string $sessions;
	private readonly string $hits;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
		$this->visitors = Tables::name($wpdb, Tables::VISITORS);
		$this->sessions = Tables::name($wpdb, Tables::SESSIONS);
		$this->hits = Tables::name($wpdb, Tables::HITS);

		TableCharset::assumeOurs($wpdb);
	}

	public function record(HitRequest $hit, TrafficSource $source, SessionRules $rules, int $now): RecordedHit
	{
		$at = gmdate('Y-m-d H:i:s', $now);
		return $this->sql->atomically(fn (): RecordedHit => $this->write($hit, $source, $rules, $now, $at));
	}

	private function write(HitRequest $hit, TrafficSource $source, SessionRules $rules, int $now, string $at): RecordedHit
	{
		if ($hit->visitorId === null) {
			$this->sql->execute($this->wpdb->prepare("INSERT INTO {$this->visitors} (created_at, last_seen_at) VALUES (%s, %s)", $at, $at));
			$visitorId = (int) $this->wpdb->insert_id;
			$sessionId = null;
		} else {
			$visitorId = $hit->visitorId;
			$sessionId = $this->continueSession($visitorId, $source, $rules, $now, $at);
		}

		$newSession = $sessionId === null;
		$sessionId ??= $this->startSession($visitorId, $hit, $source, $rules, $at, $now);

		$utm = $source->utm;
		$this->sql->execute(
			$this->wpdb->prepare(
				"INSERT INTO {$this->hits}
					(visitor_id, session_id, created_at, url, referrer, title, utm_source, utm_medium, utm_campaign, utm_term, utm_content)
					VALUES (%d, %d, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
				$visitorId,
				$sessionId,
				$at,
				$hit->url,
				$hit->referrer,
				$hit->title,
				$utm->source,
				$utm->medium,
				$utm->campaign,
				$utm->term,
				$utm->content,
			),
		);

		return new RecordedHit($visitorId, $sessionId, (int) $this->wpdb->insert_id, $newSession, $now);
	}

	/**
	 * Continues the visitor's latest session when the rules allow it.
	 *
	 * @return int|null the continued session's id, or null when a new session must start
	 */
	private function continueSession(int $visitorId, TrafficSource $source, SessionRules $rules, int $now, string $at): ?int
	{
		// FOR UPDATE serialises concurrent hits of one visitor (several tabs), so they
		// agree on one new session instead of opening one each.
		$latest = $this->wpdb->get_row(
			$this->wpdb->prepare(
				"SELECT v.id, s.id AS session_id, s.last_hit_at, s.source_key
					FROM {$this->visitors} v LEFT JOIN {$this->sessions} s ON s.visitor_id = v.id
					WHERE v.id = %d ORDER BY s.id DESC LIMIT 1 FOR UPDATE",
				$visitorId,
			),
			ARRAY_A,
		);
		$this->sql->failIfError();
		if (!is_array($latest)) {
			throw new Refusal(403, 'unknown_visitor', 'visitor_id', 'visitor_id is not a visitor of this site.');
		}

		if ($latest['session_id'] === null
			|| $rules->startsNewSession(self::unixTime($latest['last_hit_at']), $latest['source_key'], $source, $now)) {
			$this->sql->execute($this->wpdb->prepare("UPDATE {$this->visitors} SET last_seen_at = %s WHERE id = %d", $at, $visitorId));
			return null;
		}

		// Most page views continue a session: the visitor and its session in one statement.
		$sessionId = (int) $latest['session_id'];
		$this->sql->execute(
			$this->wpdb->prepare(
				"UPDATE {$this->visitors} v JOIN {$this->sessions} s ON s.id = %d
					SET v.last_seen_at = %s, s.last_hit_at = %s, s.hits = s.hits + 1
					WHERE v.id = %d",
				$sessionId,
				$at,
				$at,
				$visitorId,
			),
		);
		return $sessionId;
	}

	private function startSession(int $visitorId, HitRequest $hit, TrafficSource $source, SessionRules $rules, string $at, int $now): int
	{
		$this->sql->execute(
			$this->wpdb->prepare(
				"INSERT INTO {$this->sessions}
					(visitor_id, started_at, last_hit_at, local_day, source, medium, campaign, term, content, referrer, landing_url, hits, source_key)
					VALUES (%d, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 1, %s)",
				$visitorId,
				$at,
				$at,
				$rules->localDay($now),
				$source->source,
				$source->medium,
				$source->campaign,
				$source->term,
				$source->content,
				$hit->referrer,
				$hit->url,
				$source->key(),
			),
		);
		return (int) $this->wpdb->insert_id;
	}


	/** Unix seconds of a DATETIME column, which holds UTC. */
	private static function unixTime(string $utc): int
	{
		return (new DateTimeImmutable($utc, new DateTimeZone('UTC')))->getTimestamp();
	}
}
