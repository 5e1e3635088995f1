<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

/**
 * deleteProperty(name) (A19). Deleting a property that is not set succeeds.
 */
final class PropertyDeleteRequest implements WriteCall
{
	use NamedPropertyCall;

	public function apply(CallStore $store, Location $location, int $now): void
	{
		$store->deleteProperty($this->identity->visitorId, $this->name);
	}
}
