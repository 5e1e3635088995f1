<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Identity\SessionRules;
use LeadTrail\Traffic\TrafficSource;

/**
 * Writes a validated hit: the visitor, its session and the hit row.
 */
interface HitStore
{
	/**
	 * @throws Refusal            unknown_visitor when $hit names a visitor that has no row
	 * @throws StorageUnavailable when the database fails; nothing is written then
	 */
	public function record(HitRequest $hit, TrafficSource $source, SessionRules $rules, int $now): RecordedHit;
}
