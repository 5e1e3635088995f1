<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

/**
 * An accepted callback order, as it is written.
 */
final class NewCallback
{
	public const NOTIFY_PENDING = 'pending';

	public function __construct(
		public readonly int $visitorId,
		public readonly int $sessionId,
		public readonly int $hitId,
		public readonly string $pageUrl,
		public readonly CallbackFields $fields,
		/** Unix seconds (the server's clock). */
		public readonly int $createdAt,
		/** Unix milliseconds, for the limit's window (CallbackLimit). */
		public readonly int $acceptedMs = 0,
		/** The keyed hash of the client's address (its share of the limit), null without one. */
		public readonly ?string $clientBucket = null,
	) {
	}

	/** When to call: the delayed time, or now. */
	public function callAt(): int
	{
		return $this->fields->callAt ?? $this->createdAt;
	}
}
