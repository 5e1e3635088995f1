<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\Answer;

/**
 * getProperty(name, callback) (A18): the value, true for a property set without
 * a value, false when it is not set.
 */
final class PropertyGetRequest implements ReadCall
{
	use NamedPropertyCall;

	public function read(CallStore $store): Answer
	{
		$property = $store->property($this->identity->visitorId, $this->name);
		return Answer::result($property === null ? false : ($property->value ?? true));
	}
}
