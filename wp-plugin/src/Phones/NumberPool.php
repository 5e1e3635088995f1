<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

/**
 * Numbers given to one session at a time, while it is on the site and for
 * $holdMinutes after its last hit, so a call at a moment points to one visit.
 */
final class NumberPool
{
	public const DEFAULT_HOLD_MINUTES = 15;
	public const MAX_HOLD_MINUTES = 1440;

	/**
	 * @param int          $id       1 for the first pool of the screen, and so on (numbers.pool_id)
	 * @param list<string> $numbers  E.164 digits, in the order they are handed out
	 * @param string       $fallback the digits shown when every number is held, '' for none
	 * @param NumberRule   $rule     the sessions the pool is for
	 */
	public function __construct(
		public readonly int $id,
		public readonly string $label,
		public readonly array $numbers,
		public readonly int $holdMinutes,
		public readonly string $fallback,
		public readonly NumberRule $rule,
	) {
	}

	/** numbers.label of its numbers, which a call to one of them is attributed with. */
	public function numbersLabel(): string
	{
		return 'Pool: ' . $this->label;
	}

	/** numbers.label of its fallback number. */
	public function fallbackLabel(): string
	{
		return 'Pool fallback: ' . $this->label;
	}
}
