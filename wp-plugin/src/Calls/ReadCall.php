<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\Answer;

/**
 * A call that only reads: it changes nothing, so it is answered fresh every time
 * and its request_id is checked but not stored.
 */
interface ReadCall extends VisitorCall
{
	/** @throws \LeadTrail\Ingest\StorageUnavailable */
	public function read(CallStore $store): Answer;
}
