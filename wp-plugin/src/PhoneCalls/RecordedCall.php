<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * What recording a call did: its row, whether the row is new (false: the call was
 * already there and nothing changed), and whom it belongs to.
 */
final class RecordedCall
{
	public function __construct(
		public readonly int $id,
		public readonly bool $isNew,
		public readonly CallAttribution $attribution,
	) {
	}
}
