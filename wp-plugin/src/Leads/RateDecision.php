<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * Whether a request fits the rate limit, and if not, when one would.
 */
final class RateDecision
{
	public function __construct(
		public readonly bool $allowed,
		/** Seconds until one more request would be accepted; 0 when allowed. */
		public readonly int $retryAfter,
	) {
	}
}
