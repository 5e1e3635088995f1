<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use Closure;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\StorageUnavailable;

/**
 * Reads and writes what the visitor calls touch. Every method throws
 * StorageUnavailable when the database fails; nothing is written then.
 */
interface CallStore
{
	/**
	 * Whether the session is the visitor's and the hit the session's.
	 *
	 * @param int|null $hitId null when the caller names no hit (the tracker's `hi` is optional)
	 * @throws StorageUnavailable
	 */
	public function locate(int $visitorId, int $sessionId, ?int $hitId): Location;

	/**
	 * Applies a write once per (visitor, request id): in one transaction, claims the key
	 * with $answer, runs $apply, commits. When the key was claimed before, $apply does
	 * not run and the answer stored then is returned.
	 *
	 * @param Closure(): void $apply
	 * @return string|null the earlier answer's JSON, null when $apply ran now
	 * @throws StorageUnavailable
	 */
	public function once(int $visitorId, string $requestId, string $answer, int $now, Closure $apply): ?string;

	/**
	 * Runs $apply in one transaction: all of its writes, or none.
	 *
	 * @param Closure(): void $apply
	 * @throws StorageUnavailable
	 */
	public function atomically(Closure $apply): void;

	/** @throws StorageUnavailable */
	public function addEvent(CallIdentity $identity, EventRequest $event, int $now): void;

	/**
	 * Replaces the visitor's name when one is given, except a name given with the token when this
	 * call came without it; adds each phone and e-mail once, marked as given with the token when
	 * this call or an earlier one came with it.
	 *
	 * @param string $source  "js" or "tracker"
	 * @param bool   $byToken whether the call carried the visitor's token
	 * @param string $pageUrl the page the contact was left on, "" when unknown
	 * @throws StorageUnavailable
	 */
	public function addVisitorInfo(int $visitorId, VisitorInfo $info, string $source, bool $byToken, string $pageUrl, int $now): void;

	/** @throws StorageUnavailable */
	public function setProperty(int $visitorId, string $name, ?string $value, int $now): void;

	/** @throws StorageUnavailable */
	public function deleteProperty(int $visitorId, string $name): void;

	/**
	 * @return Property|null null when the property is not set
	 * @throws StorageUnavailable
	 */
	public function property(int $visitorId, string $name): ?Property;

	/**
	 * @return list<Property> in the order they were first set
	 * @throws StorageUnavailable
	 */
	public function properties(int $visitorId): array;
}
