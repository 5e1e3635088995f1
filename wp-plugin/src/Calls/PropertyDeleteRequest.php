<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\JsonBody;

/**
 * deleteProperty(name) (A19). Deleting a property that is not set succeeds.
 */
final class PropertyDeleteRequest implements WriteCall
{
	private function __construct(
		private readonly CallIdentity $identity,
		public readonly string $name,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		$identity = CallIdentity::fromBody($body);
		return new self($identity, Text::propertyName($body));
	}

	public function identity(): CallIdentity
	{
		return $this->identity;
	}

	public function apply(CallStore $store, Location $location, int $now): void
	{
		$store->deleteProperty($this->identity->visitorId, $this->name);
	}
}
