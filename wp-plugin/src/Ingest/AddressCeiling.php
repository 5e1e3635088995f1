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
 * until its window ends. Concurrent hits each see their own count, so the ceiling
 * holds exactly.
 */
final class AddressCeiling
{
	public const WINDOW = 600;
	public const HITS = 10000;
	public const NEW_VISITORS = 1000;

	private const ADMIT = '@leadtrail_admit';

	/** @param array<string, int> $limits bucket => the most attempts its window admits */
	private function __construct(
		private readonly array $limits,
		public readonly int $windowStart,
	) {
	}

	/**
	 * @param string|null $address what ClientAddress::bucket() counts the client as; null:
	 *                             the server named no address, and nothing is counted
	 */
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
		$over = [];
		foreach ($this->limits as $bucket => $limit) {
			$quoted = $db->quote($bucket);
			$rows[] = "({$quoted}, {$this->windowStart}, 1)";
			$over[] = "(bucket = {$quoted} AND hits > {$limit})";
		}
		return [
			"INSERT INTO {$table} (bucket, window_start, hits) VALUES " . implode(', ', $rows) . ' ON DUPLICATE KEY UPDATE hits = hits + 1',
			'SET ' . self::ADMIT . " = NOT EXISTS (SELECT 1 FROM {$table} WHERE window_start = {$this->windowStart} AND (" . implode(' OR ', $over) . '))',
		];
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
