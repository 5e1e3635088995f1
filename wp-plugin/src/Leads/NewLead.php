<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * A lead that passed every check, as it is to be stored.
 */
final class NewLead
{
	public const NOTIFY_PENDING = 'pending';
	public const NOTIFY_NONE = 'none';

	public function __construct(
		public readonly int $visitorId,
		public readonly int $sessionId,
		/** 0 when a server request named no hit. */
		public readonly int $hitId,
		public readonly string $pageUrl,
		public readonly LeadFields $fields,
		/** "js", "server", or an integration's name. */
		public readonly string $source,
		public readonly string $fingerprint,
		public readonly int $createdAt,
		/** self::NOTIFY_PENDING or self::NOTIFY_NONE. */
		public readonly string $notifyState,
		/** Whether it came with the visitor's token: only then does it link the visitor to its address. */
		public readonly bool $byToken = false,
	) {
	}
}
