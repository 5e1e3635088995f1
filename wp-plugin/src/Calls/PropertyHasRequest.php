<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\Answer;

/**
 * hasProperty(name, callback) (A17): `{"success": true, "result": <Boolean>}`.
 */
final class PropertyHasRequest implements ReadCall
{
	use NamedPropertyCall;

	public function read(CallStore $store): Answer
	{
		return Answer::result($store->property($this->identity->visitorId, $this->name) !== null);
	}
}
