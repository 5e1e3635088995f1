<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use Closure;
use LeadTrail\Ingest\StorageUnavailable;

/**
 * Where leads, their duplicate claims and the rate-limit counts are kept. Every
 * method throws StorageUnavailable when the database fails.
 */
interface LeadStore
{
	/**
	 * Runs $apply in one transaction: all of its writes, or none.
	 *
	 * @param Closure(): void $apply
	 * @throws StorageUnavailable
	 */
	public function atomically(Closure $apply): void;

	/**
	 * Counts one more request in $bucket's window that starts at $windowStart.
	 *
	 * @return array{0: int, 1: int} the current window's count (this one included) and the previous window's
	 * @throws StorageUnavailable
	 */
	public function countRequest(string $bucket, int $windowStart, int $window): array;

	/**
	 * Claims a fingerprint: true when no claim of it is younger than $window seconds
	 * (the lead is new), false when there is one (a duplicate). Holds the claim's lock
	 * until the transaction ends, so a concurrent duplicate waits and then sees it.
	 *
	 * @throws StorageUnavailable
	 */
	public function claimFingerprint(string $fingerprint, int $now, int $window): bool;

	/**
	 * @return int the new row's id
	 * @throws StorageUnavailable
	 */
	public function addLead(NewLead $lead): int;
}
