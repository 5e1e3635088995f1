<?php

declare(strict_types=1);

namespace LeadTrail\Retention;

/**
 * Where the Pruner deletes: one batch of one step (Pruner::STEPS) per call, kept
 * apart from the loop so that the loop is tested without a database.
 */
interface PruneStore
{
	/** Deletes at most $limit rows of $step older than $cutoff (UTC); answers how many went. */
	public function delete(string $step, string $cutoff, int $limit): int;
}
