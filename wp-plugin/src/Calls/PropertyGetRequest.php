<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\JsonBody;

/**
 * getProperty(name, callback) (A18): the value, true for a property set without
 * a value, false when it is not set.
 */
final class PropertyGetRequest implements ReadCall
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
		$property = $store->property($this->identity->visitorId, $this->name);
		return Answer::result($property === null ? false : ($property->value ?? true));
	}
}
