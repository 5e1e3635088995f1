<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

/**
 * A call that changes data. It is applied once per request_id, and its answer,
 * always `{"success": true}`, is stored with it.
 */
interface WriteCall extends VisitorCall
{
	/** @throws \LeadTrail\Ingest\StorageUnavailable */
	public function apply(CallStore $store, Location $location, int $now): void;
}
