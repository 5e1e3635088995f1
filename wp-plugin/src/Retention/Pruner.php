<?php

declare(strict_types=1);

namespace LeadTrail\Retention;

use Closure;

/**
 * Deletes old tracking data in small batches, step after step, within a time
 * budget: each statement holds its locks briefly, and a run that has more left
 * stops and says so, for the cron job to come back soon.
 */
final class Pruner
{
	public const EVENTS = 'events';
	public const HITS = 'hits';
	public const NUMBER_HOLDS = 'number_holds';
	public const NUMBER_SLOTS = 'number_slots';
	public const SESSIONS = 'sessions';
	public const CALLS_SEEN = 'calls_seen';
	/** Chats without a message or a change since the cutoff, with their messages. */
	public const CHATS = 'chats';
	public const VISITORS = 'visitors';
	/** Children before parents; visitors last, once their sessions and hits are gone. */
	public const STEPS = [self::EVENTS, self::HITS, self::NUMBER_HOLDS, self::NUMBER_SLOTS, self::SESSIONS, self::CALLS_SEEN, self::CHATS, self::VISITORS];

	/** @param Closure(): float $seconds a monotonic clock in seconds */
	public function __construct(
		private readonly PruneStore $store,
		private readonly Closure $seconds,
		private readonly int $batch,
		private readonly float $budget
	) {
	}

	/** @return bool true when every step is done, false when the budget ran out first */
	public function run(string $cutoff): bool
	{
		$deadline = ($this->seconds)() + $this->budget;
		foreach (self::STEPS as $step) {
			do {
				if (($this->seconds)() >= $deadline) {
					return false;
				}
				$deleted = $this->store->delete($step, $cutoff, $this->batch);
			} while ($deleted >= $this->batch);
		}
		return true;
	}
}
