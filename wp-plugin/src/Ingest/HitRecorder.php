<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use Closure;
use DateTimeImmutable;
use DateTimeZone;
use LeadTrail\Identity\PublicIds;
use LeadTrail\Phones\SessionNumber;
use LeadTrail\Phones\SessionOrigin;
use LeadTrail\Storage\OptionRows;
use LeadTrail\Storage\Statements;
use LeadTrail\Storage\Tables;
use LeadTrail\Traffic\TrafficSource;

/**
 * Stores a hit with two batches (two round trips on the lean endpoint):
 *
 * 1. the options, and for a returning visitor its current session, read under a
 *    row lock in a transaction that the second batch ends;
 * 2. in one transaction: the count and decision of the per-address ceilings
 *    (AddressCeiling), then, if they admit the hit, a new or continued visitor, a
 *    new or continued session and the hit row (whether that row was written is the
 *    verdict).
 *
 * New ids are drawn at random (PublicIds) before the batch, so it writes them as
 * literals; a draw that hits an existing id (a duplicate key) rolls back and the
 * hit is tried again with new ids, as is a hit whose transaction the server
 * chose to break a deadlock. Whatever goes wrong after a transaction began
 * is rolled back: a refusal or a failure writes nothing.
 *
 * On a site with phone numbers, the second batch also takes or keeps the session's
 * pool number (PoolTake) and reads it back after its COMMIT: still two round trips
 * (a third, for a new session that found its pool full, counts that).
 */
final class HitRecorder implements HitStore
{
	/** Tries per hit: a third duplicate among 2^53 ids, or a third deadlock, means something else is wrong. */
	private const ATTEMPTS = 3;

	private readonly string $visitors;
	private readonly string $sessions;
	private readonly string $hits;
	private readonly string $numbers;
	/** @var Closure(): int */
	private readonly Closure $drawId;

	/** @param (Closure(): int)|null $drawId a new public id; PublicIds::draw() unless a test fixes them */
	public function __construct(private readonly Statements $db, ?Closure $drawId = null)
	{
		$this->visitors = $db->prefix() . Tables::VISITORS;
		$this->sessions = $db->prefix() . Tables::SESSIONS;
		$this->hits = $db->prefix() . Tables::HITS;
		$this->numbers = $db->prefix() . Tables::NUMBERS;
		$this->drawId = $drawId ?? PublicIds::draw(...);
	}

	public function record(HitRequest $hit, HitClient $client, Closure $admit): RecordedHit
	{
		for ($attempt = 1;; $attempt++) {
			try {
				return $this->attempt($hit, $client, $admit);
			} catch (StorageUnavailable $error) {
				if (!($error->isDuplicateKey() || $error->isDeadlock()) || $attempt >= self::ATTEMPTS) {
					throw $error;
				}
			}
		}
	}

	private function attempt(HitRequest $hit, HitClient $client, Closure $admit): RecordedHit
	{
		$reads = [OptionRows::select($this->db, IngestConfig::OPTION_NAMES)];
		if ($hit->visitorId !== null) {
			// FOR UPDATE serialises concurrent hits of one visitor (several tabs), so they
			// agree on one new session instead of opening one each. The lock is taken
			// before the token is checked: a refusal only rolls it back.
			$reads[] = 'START TRANSACTION';
			// With the session, the pool number it holds, if any (locked too: its hit moves the hold on).
			$reads[] = "SELECT v.id, s.id AS session_id, s.last_hit_at, s.source_key,
					s.source, s.medium, s.campaign, s.referrer, s.landing_url, n.digits AS held_digits, n.pool_id AS held_pool
				FROM {$this->visitors} v LEFT JOIN {$this->sessions} s ON s.id = v.last_session_id
				LEFT JOIN {$this->numbers} n ON n.session_id = s.id AND n.kind = 'pool'
				WHERE v.id = {$hit->visitorId} FOR UPDATE";
		}

		$inTransaction = $hit->visitorId !== null;
		try {
			$read = $this->db->run($reads);
			$config = $admit(OptionRows::fromRows($read[0]->rows, IngestConfig::OPTION_NAMES));
			$now = $config->clock->now();
			$source = $config->sources->detect($hit->url, $hit->referrer);
			$ceiling = AddressCeiling::forHit($config, $client->addressBucket($config->trustedProxies), $hit->visitorId === null, $now);

			if ($hit->visitorId === null) {
				$inTransaction = true;
				$recorded = $this->recordNewVisitor($hit, $source, $config, $ceiling, $now);
			} else {
				$latest = $read[2]->firstRow();
				if ($latest === null) {
					throw new Refusal(403, 'unknown_visitor', 'visitor_id', 'visitor_id is not a visitor of this site.');
				}
				$recorded = $this->recordReturningVisitor($hit, $latest, $source, $config, $ceiling, $now);
			}
		} catch (\Throwable $error) {
			if ($inTransaction) {
				$this->rollBack();
			}
			throw $error;
		}
		if ($recorded === null) {
			throw $ceiling->refusal($now);
		}
		return $recorded;
	}

	/** @return RecordedHit|null null when a ceiling refused the hit (its count was committed) */
	private function recordNewVisitor(HitRequest $hit, TrafficSource $source, IngestConfig $config, AddressCeiling $ceiling, int $now): ?RecordedHit
	{
		$at = $this->db->quote(gmdate('Y-m-d H:i:s', $now));
		$visitorId = ($this->drawId)();
		$sessionId = ($this->drawId)();
		$hitId = ($this->drawId)();
		$guard = $ceiling->guard();
		$number = $this->number($config, static fn (): SessionOrigin => SessionOrigin::fromHit($source, $hit->referrer, $hit->url), $visitorId, $sessionId, $now, $guard);
		return $this->write([
			'START TRANSACTION',
			...$ceiling->decision($this->db),
			"INSERT INTO {$this->visitors} (id, created_at, last_seen_at, last_session_id)
				SELECT {$visitorId}, {$at}, {$at}, {$sessionId} FROM DUAL WHERE {$guard}",
			$this->insertSession($sessionId, $visitorId, $hit, $source, $config, $now, $at, $guard),
			$this->insertHit($hitId, $visitorId, $sessionId, $hit, $source, $at, $guard),
		], $number, true, new RecordedHit($visitorId, $sessionId, $hitId, true, $now));
	}

	/**
	 * @param array<string, string|null> $latest the visitor's current session (all null but id when it has none)
	 * @return RecordedHit|null null when a ceiling refused the hit (its count was committed)
	 */
	private function recordReturningVisitor(HitRequest $hit, array $latest, TrafficSource $source, IngestConfig $config, AddressCeiling $ceiling, int $now): ?RecordedHit
	{
		$at = $this->db->quote(gmdate('Y-m-d H:i:s', $now));
		$visitorId = (int) $latest['id'];
		$hitId = ($this->drawId)();
		$guard = $ceiling->guard();

		if ($latest['session_id'] === null
			|| $config->sessionRules->startsNewSession(self::unixTime((string) $latest['last_hit_at']), (string) $latest['source_key'], $source, $now)) {
			$sessionId = ($this->drawId)();
			$number = $this->number($config, static fn (): SessionOrigin => SessionOrigin::fromHit($source, $hit->referrer, $hit->url), $visitorId, $sessionId, $now, $guard);
			return $this->write([
				...$ceiling->decision($this->db),
				"UPDATE {$this->visitors} SET last_seen_at = {$at}, last_session_id = {$sessionId} WHERE id = {$visitorId} AND {$guard}",
				$this->insertSession($sessionId, $visitorId, $hit, $source, $config, $now, $at, $guard),
				$this->insertHit($hitId, $visitorId, $sessionId, $hit, $source, $at, $guard),
			], $number, true, new RecordedHit($visitorId, $sessionId, $hitId, true, $now));
		}

		// Most page views continue a session: the visitor and its session in one statement.
		// Its number follows from how the session began, not from this page's address.
		$sessionId = (int) $latest['session_id'];
		$number = $this->number($config, static fn (): SessionOrigin => SessionOrigin::fromSession($latest), $visitorId, $sessionId, $now, $guard, $latest);
		return $this->write([
			...$ceiling->decision($this->db),
			"UPDATE {$this->visitors} v JOIN {$this->sessions} s ON s.id = {$sessionId}
				SET v.last_seen_at = {$at}, s.last_hit_at = {$at}, s.hits = s.hits + 1
				WHERE v.id = {$visitorId} AND {$guard}",
			$this->insertHit($hitId, $visitorId, $sessionId, $hit, $source, $at, $guard),
		], $number, false, new RecordedHit($visitorId, $sessionId, $hitId, false, $now));
	}

	/**
	 * The session's number, null on a site without numbers, whose hits load none of their classes.
	 *
	 * @param Closure(): SessionOrigin       $origin how the session began
	 * @param array<string, string|null> $session a continued session's row, [] for a new session
	 */
	private function number(IngestConfig $config, Closure $origin, int $visitorId, int $sessionId, int $now, string $guard, array $session = []): ?SessionNumber
	{
		if ($config->phones->isEmpty()) {
			return null;
		}
		return SessionNumber::plan($config, $origin(), $this->db, $visitorId, $sessionId, $now, $guard, $session);
	}

	/**
	 * Sends the second batch: $statements (the ceiling's count and decision first, the hit's
	 * row last), the number's, COMMIT and the read of the number. The hit's row was written,
	 * or not, under the ceiling's decision: that it was is the verdict.
	 *
	 * @param list<string> $statements
	 * @return RecordedHit|null $recorded with the session's numbers, or null when a ceiling refused the hit (nothing was written)
	 */
	private function write(array $statements, ?SessionNumber $number, bool $newSession, RecordedHit $recorded): ?RecordedHit
	{
		$before = [...$statements, ...($number?->statements() ?? []), 'COMMIT'];
		$results = $this->db->run([...$before, ...($number?->reads() ?? [])]);
		if (($results[count($statements) - 1]->affectedRows ?? 0) !== 1) {
			return null;
		}
		if ($number === null) {
			return $recorded;
		}
		$this->countExhaustion($number->afterRead($results[count($before)] ?? null, $newSession));
		return new RecordedHit(
			$recorded->visitorId,
			$recorded->sessionId,
			$recorded->hitId,
			$recorded->newSession,
			$recorded->recordedAt,
			$number->answer($results[count($before)] ?? null),
		);
	}

	/**
	 * The pool's "exhausted" count, after the hit was committed: a failure loses one count,
	 * never the hit, which is stored and must not be tried again.
	 *
	 * @param list<string> $statements
	 */
	private function countExhaustion(array $statements): void
	{
		if ($statements === []) {
			return;
		}
		try {
			$this->db->run($statements);
		} catch (StorageUnavailable) {
			return;
		}
	}

	/**
	 * @param string $at    SQL: the quoted time of the hit
	 * @param string $guard SQL: the condition of the write (AddressCeiling::guard())
	 */
	private function insertSession(int $sessionId, int $visitorId, HitRequest $hit, TrafficSource $source, IngestConfig $config, int $now, string $at, string $guard): string
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
			(id, visitor_id, started_at, last_hit_at, local_day, source, medium, campaign, term, content, referrer, landing_url, source_key, hits)
			SELECT {$sessionId}, {$visitorId}, {$at}, {$at}, {$values}, 1 FROM DUAL WHERE {$guard}";
	}

	/**
	 * @param string $at    SQL: the quoted time of the hit
	 * @param string $guard SQL: the condition of the write (AddressCeiling::guard())
	 */
	private function insertHit(int $hitId, int $visitorId, int $sessionId, HitRequest $hit, TrafficSource $source, string $at, string $guard): string
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
			(id, visitor_id, session_id, created_at, url, referrer, title, utm_source, utm_medium, utm_campaign, utm_term, utm_content)
			SELECT {$hitId}, {$visitorId}, {$sessionId}, {$at}, {$values} FROM DUAL WHERE {$guard}";
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
