<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Storage\Statements;
use LeadTrail\Storage\Tables;

/**
 * The per-address ceilings of the hit: at most so many page views, and so many new
 * visitors, from one client address in each fixed 10-minute window. They stop a
 * script that makes visitors or hits by the thousand, and lie far above what the
 * people behind one office or carrier address do by browsing.
 *
 * Counted in the lead limits' table (its pruning keeps two 10-minute windows): one
 * row per address and window, its page views in `hits` and its new visitors in
 * `visitors`, inside the hit's own write transaction, which writes only under the
 * user variable @leadtrail_admit: the count, the decision and the rows cost no round
 * trip of their own, and a new visitor adds one row, not two.
 *
 * The decision comes first, from the counts as committed (a plain read by primary
 * key, which waits for no lock), and the count's upsert comes last, just before the
 * COMMIT: the upsert locks its row until the transaction ends, so the hits of one
 * busy address hold it for the COMMIT only instead of queueing behind each other's
 * whole transaction. Refused attempts count too, so a flood stays refused until its
 * window ends. Hits in flight together may pass a ceiling by their number.
 */
final class AddressCeiling
{
	public const WINDOW = 600;
	public const HITS = 10000;
	public const NEW_VISITORS = 1000;

	private const ADMIT = '@leadtrail_admit';

	private function __construct(
		/** The address's row, null when the request has no client address (nothing is counted). */
		private readonly ?string $bucket,
		private readonly bool $newVisitor,
		private readonly int $hitLimit,
		private readonly int $visitorLimit,
		public readonly int $windowStart,
	) {
	}

	public static function forHit(IngestConfig $config, ?string $address, bool $newVisitor, int $now): self
	{
		return new self(
			$address === null ? null : $config->ceilingBucket('hits', $address),
			$newVisitor,
			$config->hitCeiling,
			$config->visitorCeiling,
			$now - ($now % self::WINDOW),
		);
	}

	/**
	 * The decision, to send inside the write transaction before the writes: admitted unless
	 * the attempts before this one already reached a limit.
	 *
	 * @return list<string>
	 */
	public function decision(Statements $db): array
	{
		if ($this->bucket === null) {
			return [];
		}
		$reached = "hits >= {$this->hitLimit}" . ($this->newVisitor ? " OR visitors >= {$this->visitorLimit}" : '');
		// SELECT ... INTO, not SET: InnoDB reads a SET's subqueries under shared locks, which
		// would make concurrent hits wait for each other's counts.
		return ['SELECT COUNT(*) = 0 FROM ' . $db->prefix() . Tables::RATE_LIMITS
			. " WHERE bucket = {$db->quote($this->bucket)} AND window_start = {$this->windowStart} AND ({$reached}) INTO " . self::ADMIT];
	}

	/**
	 * The count, to send inside the write transaction after the writes, just before its COMMIT.
	 *
	 * @return list<string>
	 */
	public function count(Statements $db): array
	{
		if ($this->bucket === null) {
			return [];
		}
		$visitor = $this->newVisitor ? 1 : 0;
		return ['INSERT INTO ' . $db->prefix() . Tables::RATE_LIMITS . " (bucket, window_start, hits, visitors) VALUES ({$db->quote($this->bucket)}, {$this->windowStart}, 1, {$visitor})"
			. ' ON DUPLICATE KEY UPDATE hits = hits + 1' . ($this->newVisitor ? ', visitors = visitors + 1' : '')];
	}

	/** SQL: the condition every write of the hit is made under. */
	public function guard(): string
	{
		return $this->bucket === null ? '1' : self::ADMIT;
	}

	/** The refusal of a hit over a ceiling, with the seconds until its window ends. */
	public function refusal(int $now): Refusal
	{
		$retryAfter = max(1, $this->windowStart + self::WINDOW - $now);
		return new Refusal(
			429,
			'rate_limited',
			'',
			sprintf('Too many page views from this address; try again in %d seconds.', $retryAfter),
			$retryAfter,
		);
	}
}
