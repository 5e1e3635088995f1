<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use Closure;
use LeadTrail\Calls\CallStore;
use LeadTrail\Calls\EventRequest;
use LeadTrail\Calls\CallIdentity;
use LeadTrail\Calls\Location;
use LeadTrail\Calls\Property;
use LeadTrail\Contacts\VisitorInfo;

/**
 * The call store and the lead store on one "connection": a transaction of the call
 * store (once) takes the lead store's writes back with its own when it fails.
 */
final class JointCallStore implements CallStore
{
	public function __construct(
		public readonly MemoryCallStore $calls,
		public readonly MemoryLeadStore $leads,
	) {
	}

	public function locate(int $visitorId, int $sessionId, ?int $hitId): Location
	{
		return $this->calls->locate($visitorId, $sessionId, $hitId);
	}

	public function once(int $visitorId, string $requestId, string $answer, int $now, Closure $apply): ?string
	{
		$before = $this->leads->snapshot();
		try {
			return $this->calls->once($visitorId, $requestId, $answer, $now, $apply);
		} catch (\Throwable $error) {
			$this->leads->restore($before);
			throw $error;
		}
	}

	public function atomically(Closure $apply): void
	{
		$this->calls->atomically($apply);
	}

	public function addEvent(CallIdentity $identity, EventRequest $event, int $now): void
	{
		$this->calls->addEvent($identity, $event, $now);
	}

	public function addVisitorInfo(int $visitorId, VisitorInfo $info, string $source, bool $byToken, string $pageUrl, int $now): void
	{
		$this->calls->addVisitorInfo($visitorId, $info, $source, $byToken, $pageUrl, $now);
	}

	public function setProperty(int $visitorId, string $name, ?string $value, int $now): void
	{
		$this->calls->setProperty($visitorId, $name, $value, $now);
	}

	public function deleteProperty(int $visitorId, string $name): void
	{
		$this->calls->deleteProperty($visitorId, $name);
	}

	public function property(int $visitorId, string $name): ?Property
	{
		return $this->calls->property($visitorId, $name);
	}

	public function properties(int $visitorId): array
	{
		return $this->calls->properties($visitorId);
	}
}
