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
 * The count and the decision are one upsert, first in the transaction: on its way it
 * passes whether the attempts before this one had reached a limit to
 * LAST_INSERT_ID(expr), which MySQL and MariaDB keep per connection (and which the
 * hit's rows, inserted with ids of their own, leave alone); a SET keeps it in
 * @leadtrail_admit. A separate read of the counts cost the hit a statement, about a
 * fifth of its database time. The upsert locks the address's row until the COMMIT, so
 * hits of one address are counted exactly, one transaction after the other (a few
 * statements each, far below what an office or carrier address sends). Refused
 * attempts count too, so a flood stays refused until its window ends.
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
	 * The count and the decision, first in the write transaction: admitted unless the
	 * attempts before this one had already reached a limit.
	 *
	 * @return list<string>
	 */
	public function decision(Statements $db): array
	{
		if ($this->bucket === null) {
			return [];
		}
		$reached = "hits >= {$this->hitLimit}" . ($this->newVisitor ? " OR visitors >= {$this->visitorLimit}" : '');
		$visitor = $this->newVisitor ? 1 : 0;
		// LEAST(LAST_INSERT_ID(x), 0) adds nothing and sets LAST_INSERT_ID() to x: 0 for the
		// window's first attempt (a new row), the limit's verdict on the counts as they were
		// for the others (an update, whose expressions read the row before it changes).
		return [
			'INSERT INTO ' . $db->prefix() . Tables::RATE_LIMITS . ' (bucket, window_start, hits, visitors)'
				. " VALUES ({$db->quote($this->bucket)}, {$this->windowStart}, 1 + LEAST(LAST_INSERT_ID(0), 0), {$visitor})"
				. " ON DUPLICATE KEY UPDATE hits = hits + 1 + LEAST(LAST_INSERT_ID({$reached}), 0)" . ($this->newVisitor ? ', visitors = visitors + 1' : ''),
			'SET ' . self::ADMIT . ' = LAST_INSERT_ID() = 0',
		];
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
