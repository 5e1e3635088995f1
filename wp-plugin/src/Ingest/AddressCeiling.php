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
 * Counted in the lead limits' table (its pruning keeps two 10-minute windows) with an
 * upsert in the hit's own write transaction, which then writes only under the
 * user variable @leadtrail_admit: the count, the decision and the rows cost no
 * round trip of their own. Refused attempts count too, so a flood stays refused
 * until its window ends.
 *
 * Each count is spread over SHARDS rows, one picked at random per hit: the upsert
 * locks its row until the transaction ends, and the hits of one busy address would
 * otherwise queue behind each other's. The decision sums the rows without locking
 * them (as committed, plus this hit's own), so hits in flight together may pass the
 * ceiling by their number.
 */
final class AddressCeiling
{
	public const WINDOW = 600;
	public const HITS = 10000;
	public const NEW_VISITORS = 1000;
	/** Rows per count; more make fewer hits wait, and the decision's read longer. */
	public const SHARDS = 8;

	private const ADMIT = '@leadtrail_admit';

	/**
	 * @param array<string, int> $limits bucket => the most attempts its window admits
	 * @param int                $shard  the row of each count this hit adds to
	 */
	private function __construct(
		private readonly array $limits,
		public readonly int $windowStart,
		private readonly int $shard = 0,
	) {
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
		return new self($limits, $windowStart, random_int(0, self::SHARDS - 1));
	}

	/**
	 * The count and the decision, to send inside the write transaction before the writes.
	 *
	 * @return list<string>
	 */
	public function statements(Statements $db): array
	{
		if ($this->limits === []) {
			return [];
		}
		$table = $db->prefix() . Tables::RATE_LIMITS;
		$rows = [];
		$within = [];
		foreach ($this->limits as $bucket => $limit) {
			$rows[] = '(' . $db->quote(self::shard($bucket, $this->shard)) . ", {$this->windowStart}, 1)";
			$shards = implode(', ', array_map(static fn (int $shard): string => $db->quote(self::shard($bucket, $shard)), range(0, self::SHARDS - 1)));
			$within[] = "(SELECT COALESCE(SUM(hits), 0) FROM {$table} WHERE bucket IN ({$shards}) AND window_start = {$this->windowStart}) <= {$limit}";
		}
		return [
			"INSERT INTO {$table} (bucket, window_start, hits) VALUES " . implode(', ', $rows) . ' ON DUPLICATE KEY UPDATE hits = hits + 1',
			// SELECT ... INTO, not SET: InnoDB reads a SET's subqueries under shared locks, which
			// would make concurrent hits wait for each other's shards, and deadlock.
			'SELECT ' . implode(' AND ', $within) . ' INTO ' . self::ADMIT,
		];
	}

	/** The row of one shard of a count: the bucket's last character names it. */
	private static function shard(string $bucket, int $shard): string
	{
		return substr($bucket, 0, -1) . dechex($shard);
	}

	/** SQL: the condition every write of the hit is made under. */
	public function guard(): string
	{
		return $this->limits === [] ? '1' : self::ADMIT;
	}

	/** The statement, after COMMIT, whose one row says whether the hit was written ("admitted" 1 or 0). */
	public function verdict(): string
	{
		return 'SELECT ' . $this->guard() . ' AS admitted';
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
