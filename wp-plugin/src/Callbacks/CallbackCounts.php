<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

/**
 * The orders accepted in the limit's window: on the site, of the ordering visitor,
 * and from its client address (0 when the request gave none).
 */
final class CallbackCounts
{
	public function __construct(
		public readonly int $site,
		public readonly int $visitor = 0,
		public readonly int $address = 0,
	) {
	}
}
