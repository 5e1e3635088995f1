<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use Closure;

/**
 * Deletes a person's rows step after step, at most $budget rows in one run: an eraser page that
 * stays quick however much there is. Each step deletes up to the number of rows it is given and
 * says how many it deleted; a step that deletes fewer has no rows left.
 */
final class DeletionRun
{
	private function __construct(
		public readonly int $removed,
		/** Whether every step finished: no row of the person is left. */
		public readonly bool $done,
	) {
	}

	/** @param list<Closure(int): int> $steps in the order the rows must go */
	public static function run(array $steps, int $budget): self
	{
		$removed = 0;
		foreach ($steps as $step) {
			$limit = $budget - $removed;
			$deleted = $step($limit);
			$removed += $deleted;
			if ($deleted >= $limit) {
				// The budget is spent, and the step may have more rows.
				return new self($removed, false);
			}
		}
		return new self($removed, true);
	}
}
