<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Identity\ComagicId;
use LeadTrail\Identity\Token;

/**
 * The ids the database assigned to one hit.
 */
final class RecordedHit
{
	public function __construct(
		public readonly int $visitorId,
		public readonly int $sessionId,
		public readonly int $hitId,
		public readonly bool $newSession,
		public readonly int $recordedAt,
		/** @var array<string, mixed>|null the session's phone numbers (ShownNumbers), null on a site without any */
		public readonly ?array $phones = null,
	) {
	}

	/** @return array<string, mixed> the "result" of the contract's 200 answer */
	public function result(Token $token): array
	{
		$result = [
			'visitor_id' => $this->visitorId,
			'session_id' => $this->sessionId,
			'hit_id' => $this->hitId,
			'token' => $token->issue($this->visitorId),
			'comagic_id' => ComagicId::format($this->visitorId, $this->sessionId, $this->recordedAt),
			'new_session' => $this->newSession,
		];
		if ($this->phones !== null) {
			$result['phones'] = $this->phones;
		}
		return $result;
	}
}
