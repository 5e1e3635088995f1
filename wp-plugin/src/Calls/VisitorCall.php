<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

/**
 * A validated visitor call: an event, visitor info or a property operation.
 */
interface VisitorCall
{
	public function identity(): CallIdentity;
}
