<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * At most $limit requests in any $window seconds, estimated from two fixed
 * windows as a sliding one: the previous window's count weighs by how much of
 * it still lies within the last $window seconds. Integer arithmetic only.
 */
final class RateLimit
{
	public const LIMIT = 10;
	public const WINDOW = 600;

	public function __construct(
		public readonly int $limit = self::LIMIT,
		public readonly int $window = self::WINDOW,
	) {
	}

	/** The start of the fixed window $now falls in. */
	public function windowStart(int $now): int
	{
		return $now - ($now % $this->window);
	}

	/**
	 * @param int $current  requests counted in the current window, this one included
	 * @param int $previous requests counted in the window before
	 */
	public function decide(int $now, int $current, int $previous): RateDecision
	{
		$elapsed = $now - $this->windowStart($now);
		if ($this->fits($elapsed, $current, $previous)) {
			return new RateDecision(true, 0);
		}
		return new RateDecision(false, $this->retryAfter($elapsed, max(0, $current - 1), $previous));
	}

	/** previous × (window − elapsed) / window + current ≤ limit, multiplied out. */
	private function fits(int $elapsed, int $current, int $previous): bool
	{
		return $previous * ($this->window - $elapsed) + $current * $this->window <= $this->limit * $this->window;
	}

	/**
	 * Seconds until one more request would fit, given the counts that stay ($committed:
	 * the current window's without the refused one).
	 */
	private function retryAfter(int $elapsed, int $committed, int $previous): int
	{
		$room = $this->limit - $committed - 1;
		if ($room >= 0 && $previous > 0) {
			// Later in this window, once enough of the previous one has slid out.
			$at = $this->window - intdiv($room * $this->window, $previous);
			if ($at < $this->window) {
				return max(1, $at - $elapsed);
			}
		}
		// In the next window, where this window's count is the previous one.
		$next = $committed === 0 ? 0 : max(0, $this->window - intdiv(($this->limit - 1) * $this->window, $committed));
		return max(1, $this->window - $elapsed + $next);
	}
}
