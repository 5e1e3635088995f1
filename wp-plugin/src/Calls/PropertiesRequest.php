<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\JsonBody;

/**
 * The inspector's debug read: every property of the visitor,
 * `{"success": true, "result": {"<name>": <value or true>, ...}}`.
 */
final class PropertiesRequest implements ReadCall
{
	private function __construct(private readonly CallIdentity $identity)
	{
	}

	public static function fromBody(JsonBody $body): self
	{
		return new self(CallIdentity::fromBody($body));
	}

	public function identity(): CallIdentity
	{
		return $this->identity;
	}

	public function read(CallStore $store): Answer
	{
		// An object, not an array: names such as "0" must not turn the map into a JSON list.
		$map = new \stdClass();
		foreach ($store->properties($this->identity->visitorId) as $property) {
			$map->{$property->name} = $property->value ?? true;
		}
		return Answer::result($map);
	}
}
