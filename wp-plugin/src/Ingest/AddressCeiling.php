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
 * Counted in the lead limits' table (its pruning keeps two 10-minute windows), one
 * row per count, inside the hit's own write transaction, which writes only under
 * the user variable @leadtrail_admit: the count, the decision and the rows cost no
 * round trip of their own. Refused attempts count too, so a flood stays refused
 * until its window ends.
 *
 * The decision comes first, from the counts as committed (a plain read by primary
 * key, which waits for no lock), and the count's upsert comes last, just before the
 * COMMIT: the upsert locks its row until the transaction ends, so the hits of one
 * busy address hold it for the COMMIT only instead of queueing behind each other's
 * whole transaction. Hits in flight together may pass a ceiling by their number.
 */
final class AddressCeiling
{
	public const WINDOW = 600;
	public const HITS = 10000;
	public const NEW_VISITORS = 1000;

	private const ADMIT = '@leadtrail_admit';

	/** @param array<string, int> $limits bucket => the most attempts its window admits */
	private function __construct(private readonly array $limits, public readonly int $windowStart)
	{
	}

	public static function forHit(IngestConfig $config, ?string $address, bool $newVisitor, int $now): self
	{
		$windowStart = $now - ($now % self::WINDOW);
		if ($address === null) {
			return new self([], $windowStart);
		}
		$limits = [$config->ceilingBucket('hits', $address) => $config->hitCeiling];
		if ($newVisitor) {
			$limits[$config->ceilingBucket('visitors', $address)] = $config->visitorCeiling;
		}
		return new self($limits, $windowStart);
	}

	/**
	 * The decision, to send inside the write transaction before the writes.
	 *
	 * @return list<string>
	 */
	public function decision(Statements $db): array
	{
		if ($this->limits === []) {
			return [];
		}
		$table = $db->prefix() . Tables::RATE_LIMITS;
		$within = [];
		foreach ($this->limits as $bucket => $limit) {
			// The attempts before this one: this one is admitted while they are fewer than the limit.
			$within[] = "COALESCE((SELECT hits FROM {$table} WHERE bucket = {$db->quote($bucket)} AND window_start = {$this->windowStart}), 0) < {$limit}";
		}
		// SELECT ... INTO, not SET: InnoDB reads a SET's subqueries under shared locks, which
		// would make concurrent hits wait for each other's counts.
		return ['SELECT ' . implode(' AND ', $within) . ' INTO ' . self::ADMIT];
	}

	/**
	 * The count, to send inside the write transaction after the writes, just before its COMMIT.
	 *
	 * @return list<string>
	 */
	public function count(Statements $db): array
	{
		if ($this->limits === []) {
			return [];
		}
		$rows = [];
		foreach (array_keys($this->limits) as $bucket) {
			$rows[] = '(' . $db->quote($bucket) . ", {$this->windowStart}, 1)";
		}
		return ['INSERT INTO ' . $db->prefix() . Tables::RATE_LIMITS . ' (bucket, window_start, hits) VALUES ' . implode(', ', $rows) . ' ON DUPLICATE KEY UPDATE hits = hits + 1'];
	}

	/** SQL: the condition every write of the hit is made under. */
	public function guard(): string
	{
		return $this->limits === [] ? '1' : self::ADMIT;
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
