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
	 * $visitorId and from $clientBucket. Concurrent orders wait for the lock, so each counts
	 * the ones committed before it, also those stamped a few milliseconds after its own stamp
	 * (taken before the wait): an upper bound would let a burst through. A web node whose
	 * clock is ahead makes its orders count a little longer, which errs on the safe side.
	 *
	 * @throws StorageUnavailable
	 */
	public function lockAndCount(int $sinceMs, int $visitorId, ?string $clientBucket): CallbackCounts;

	/**
	 * @return int the new row's id
	 * @throws StorageUnavailable
	 */
	public function addCallback(NewCallback $callback): int;
}
