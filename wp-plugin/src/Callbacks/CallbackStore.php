<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use Closure;
use LeadTrail\Ingest\StorageUnavailable;

/**
 * Where callback orders are kept. Every method throws StorageUnavailable when the
 * database fails; a transaction that fails leaves nothing behind.
 */
interface CallbackStore
{
	/**
	 * Answers a call once per (visitor, request id): in one transaction, claims the key,
	 * runs $decide (which writes what the answer needs), stores its answer, commits.
	 * When the key was claimed before, $decide does not run.
	 *
	 * @param Closure(): string $decide returns the answer's JSON
	 * @return string|null the earlier answer's JSON, null when $decide ran now
	 * @throws StorageUnavailable
	 */
	public function once(int $visitorId, string $requestId, int $now, Closure $decide): ?string;

	/**
	 * Inside the transaction: takes the site's lock row (SELECT ... FOR UPDATE), then
	 * counts the orders accepted at or after $sinceMs (unix milliseconds): on the site, of
	 * $visitorId and from $clientBucket, accepted from $sinceMs to $untilMs (orders stamped later,
	 * by a clock that was ahead, do not fill a window they are not in). Concurrent orders wait for the lock, so each
	 * counts the ones committed before it.
	 *
	 * @throws StorageUnavailable
	 */
	public function lockAndCount(int $sinceMs, int $untilMs, int $visitorId, ?string $clientBucket): CallbackCounts;

	/**
	 * @return int the new row's id
	 * @throws StorageUnavailable
	 */
	public function addCallback(NewCallback $callback): int;
}
