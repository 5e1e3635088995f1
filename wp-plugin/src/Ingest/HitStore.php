<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use Closure;

/**
 * Writes a validated hit: the visitor, its session and the hit row.
 */
interface HitStore
{
	/**
	 * Reads the options that $admit needs together with what the store needs to know
	 * about the visitor, lets $admit decide, then writes.
	 *
	 * @param Closure(array<string, string>): IngestConfig $admit given the options
	 *        (option_name => option_value), answers the config to record with, or throws
	 *        a Refusal: nothing is written then
	 * @param HitClient $client who sent the hit, for the per-address ceilings
	 * @throws Refusal            from $admit, unknown_visitor when $hit names a visitor that has no row,
	 *                            or rate_limited when a per-address ceiling is reached
	 * @throws StorageUnavailable when the database fails; nothing is written then
	 */
	public function record(HitRequest $hit, HitClient $client, Closure $admit): RecordedHit;
}
