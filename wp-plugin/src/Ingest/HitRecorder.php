<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use Closure;
use DateTimeImmutable;
use DateTimeZone;
use LeadTrail\Storage\OptionRows;
use LeadTrail\Storage\Statements;
use LeadTrail\Storage\Tables;
use LeadTrail\Traffic\TrafficSource;

/**
 * Stores a hit with two batches (two round trips on the lean endpoint):
 *
 * 1. the options, and for a returning visitor its latest session, read under a
 *    row lock in a transaction that the second batch ends;
 * 2. in one transaction: a new or continued visitor, a new or continued
 *    session, and the hit row, chained through LAST_INSERT_ID().
 *
 * Whatever goes wrong after a transaction began is rolled back: a refusal or a
 * failure writes nothing.
 */
final class HitRecorder implements HitStore
{
	private readonly string $visitors;
	private readonly string $sessions;
	private readonly string $hits;

	public function __construct(private readonly Statements $db)
	{
		$this->visitors = $db->prefix() . Tables::VISITORS;
		$this->sessions = $db->prefix() . Tables::SESSIONS;
		$this->hits = $db->prefix() . Tables::HITS;
	}

	public function record(HitRequest $hit, Closure $admit): RecordedHit
	{
		$reads = [OptionRows::select($this->db, IngestConfig::OPTION_NAMES)];
		if ($hit->visitorId !== null) {
			// FOR UPDATE serialises concurrent hits of one visitor (several tabs), so they
			// agree on one new session instead of opening one each. The lock is taken
			// before the token is checked: a refusal only rolls it back.
			$reads[] = 'START TRANSACTION';
			$reads[] = "SELECT v.id, s.id AS session_id, s.last_hit_at, s.source_key
				FROM {$this->visitors} v LEFT JOIN {$this->sessions} s ON s.visitor_id = v.id
				WHERE v.id = {$hit->visitorId} ORDER BY s.id DESC LIMIT 1 FOR UPDATE";
		}

		$inTransaction = $hit->visitorId !== null;
		try {
			$read = $this->db->run($reads);
			$config = $admit(OptionRows::fromRows($read[0]->rows, IngestConfig::OPTION_NAMES));
			$now = $config->clock->now();
			$source = $config->sources->detect($hit->url, $hit->referrer);

			if ($hit->visitorId === null) {
				$inTransaction = true;
				return $this->recordNewVisitor($hit, $source, $config, $now);
			}
			$latest = $read[2]->firstRow();
			if ($latest === null) {
				throw new Refusal(403, 'unknown_visitor', 'visitor_id', 'visitor_id is not a visitor of this site.');
			}
			return $this->recordReturningVisitor($hit, $latest, $source, $config, $now);
		} catch (\Throwable $error) {
			if ($inTransaction) {
				$this->rollBack();
			}
			throw $error;
		}
	}

	private function recordNewVisitor(HitRequest $hit, TrafficSource $source, IngestConfig $config, int $now): RecordedHit
	{
		$at = $this->db->quote(gmdate('Y-m-d H:i:s', $now));
		$written = $this->db->run([
			'START TRANSACTION',
			"INSERT INTO {$this->visitors} (created_at, last_seen_at) VALUES ({$at}, {$at})",
			$this->insertSession('LAST_INSERT_ID()', $hit, $source, $config, $now, $at),
			$this->insertHit("(SELECT visitor_id FROM {$this->sessions} WHERE id = LAST_INSERT_ID())", 'LAST_INSERT_ID()', $hit, $source, $at),
			'COMMIT',
		]);
		return new RecordedHit($written[1]->insertId, $written[2]->insertId, $written[3]->insertId, true, $now);
	}

	/** @param array<string, string|null> $latest the visitor's latest session (all null but id when it has none) */
	private function recordReturningVisitor(HitRequest $hit, array $latest, TrafficSource $source, IngestConfig $config, int $now): RecordedHit
	{
		$at = $this->db->quote(gmdate('Y-m-d H:i:s', $now));
		$visitorId = (int) $latest['id'];

		if ($latest['session_id'] === null
			|| $config->sessionRules->startsNewSession(self::unixTime((string) $latest['last_hit_at']), (string) $latest['source_key'], $source, $now)) {
			$written = $this->db->run([
				"UPDATE {$this->visitors} SET last_seen_at = {$at} WHERE id = {$visitorId}",
				$this->insertSession((string) $visitorId, $hit, $source, $config, $now, $at),
				$this->insertHit((string) $visitorId, 'LAST_INSERT_ID()', $hit, $source, $at),
				'COMMIT',
			]);
			return new RecordedHit($visitorId, $written[1]->insertId, $written[2]->insertId, true, $now);
		}

		// Most page views continue a session: the visitor and its session in one statement.
		$sessionId = (int) $latest['session_id'];
		$written = $this->db->run([
			"UPDATE {$this->visitors} v JOIN {$this->sessions} s ON s.id = {$sessionId}
				SET v.last_seen_at = {$at}, s.last_hit_at = {$at}, s.hits = s.hits + 1
				WHERE v.id = {$visitorId}",
			$this->insertHit((string) $visitorId, (string) $sessionId, $hit, $source, $at),
			'COMMIT',
		]);
		return new RecordedHit($visitorId, $sessionId, $written[1]->insertId, false, $now);
	}

	/**
	 * @param string $visitorId SQL: a cast id, or an expression of this class's own
	 * @param string $at        SQL: the quoted time of the hit
	 */
	private function insertSession(string $visitorId, HitRequest $hit, TrafficSource $source, IngestConfig $config, int $now, string $at): string
	{
		$values = implode(', ', array_map([$this->db, 'quote'], [
			$config->sessionRules->localDay($now),
			$source->source,
			$source->medium,
			$source->campaign,
			$source->term,
			$source->content,
			$hit->referrer,
			$hit->url,
			$source->key(),
		]));
		return "INSERT INTO {$this->sessions}
			(visitor_id, started_at, last_hit_at, local_day, source, medium, campaign, term, content, referrer, landing_url, source_key, hits)
			VALUES ({$visitorId}, {$at}, {$at}, {$values}, 1)";
	}

	/**
	 * @param string $visitorId SQL: a cast id, or an expression of this class's own
	 * @param string $sessionId likewise
	 * @param string $at        SQL: the quoted time of the hit
	 */
	private function insertHit(string $visitorId, string $sessionId, HitRequest $hit, TrafficSource $source, string $at): string
	{
		$utm = $source->utm;
		$values = implode(', ', array_map([$this->db, 'quote'], [
			$hit->url,
			$hit->referrer,
			$hit->title,
			$utm->source,
			$utm->medium,
			$utm->campaign,
			$utm->term,
			$utm->content,
		]));
		return "INSERT INTO {$this->hits}
			(visitor_id, session_id, created_at, url, referrer, title, utm_source, utm_medium, utm_campaign, utm_term, utm_content)
			VALUES ({$visitorId}, {$sessionId}, {$at}, {$values})";
	}

	/** After a refusal or a failure: nothing of the transaction stays. */
	private function rollBack(): void
	{
		try {
			$this->db->run(['ROLLBACK']);
		} catch (StorageUnavailable) {
			// The connection is gone, and the server rolls back with it.
		}
	}

	/** Unix seconds of a DATETIME column, which holds UTC. */
	private static function unixTime(string $utc): int
	{
		return (new DateTimeImmutable($utc, new DateTimeZone('UTC')))->getTimestamp();
	}
}
