<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\JsonBody;

/**
 * hasProperty(name, callback) (A17): `{"success": true, "result": <Boolean>}`.
 */
final class PropertyHasRequest implements ReadCall
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

	public function read(CallStore $store): Answer
	{
		return Answer::result($store->property($this->identity->visitorId, $this->name) !== null);
	}
}
