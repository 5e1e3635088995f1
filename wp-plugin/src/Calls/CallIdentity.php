<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\HitRequest;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;

/**
 * Who makes a visitor call and its idempotency key, as every call's body carries
 * them (docs/contracts.md, "Visitor calls"). Checked in the order visitor_id,
 * session_id, hit_id, token, request_id, before the operation's own fields.
 */
final class CallIdentity
{
	public const MIN_REQUEST_ID = 16;
	public const MAX_REQUEST_ID = 64;

	private function __construct(
		public readonly int $visitorId,
		public readonly int $sessionId,
		public readonly int $hitId,
		public readonly string $token,
		public readonly string $requestId,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		$visitorId = $body->positiveInt('visitor_id');
		$sessionId = $body->positiveInt('session_id');
		$hitId = $body->positiveInt('hit_id');

		$token = $body->string('token', HitRequest::MAX_TOKEN);
		if ($token === '') {
			throw Refusal::invalid('token', 'token must not be empty.');
		}

		return new self($visitorId, $sessionId, $hitId, $token, self::requestId($body));
	}

	/**
	 * A lead the runtime sends when no page view could give it an identity (docs/contracts.md,
	 * "Browser: addOfflineRequest"): none of visitor_id, session_id, hit_id and token in the body.
	 * Its ids are 0 (no visitor) and its request_id is keyed under visitor 0.
	 */
	public static function nobodyFromBody(JsonBody $body): ?self
	{
		foreach (['visitor_id', 'session_id', 'hit_id', 'token'] as $name) {
			if ($body->has($name)) {
				return null;
			}
		}
		return new self(0, 0, 0, '', self::requestId($body));
	}

	private static function requestId(JsonBody $body): string
	{
		$requestId = $body->string('request_id', self::MAX_REQUEST_ID);
		if (preg_match('/^[A-Za-z0-9_-]{' . self::MIN_REQUEST_ID . ',' . self::MAX_REQUEST_ID . '}$/', $requestId) !== 1) {
			throw Refusal::invalid(
				'request_id',
				sprintf('request_id must be %d to %d letters, digits, "_" or "-".', self::MIN_REQUEST_ID, self::MAX_REQUEST_ID),
			);
		}
		return $requestId;
	}
}
