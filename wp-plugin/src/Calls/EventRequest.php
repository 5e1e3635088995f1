<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\JsonBody;

/**
 * trackEvent(category, action, name?, value?) (A1).
 */
final class EventRequest implements WriteCall
{
	public const MAX_TEXT = 255;

	private function __construct(
		private readonly CallIdentity $identity,
		public readonly string $category,
		public readonly string $action,
		public readonly ?string $name,
		public readonly ?string $value,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		$identity = CallIdentity::fromBody($body);
		return new self(
			$identity,
			Text::required($body, 'category', self::MAX_TEXT),
			Text::required($body, 'action', self::MAX_TEXT),
			$body->optionalString('name', self::MAX_TEXT, true),
			$body->optionalString('value', self::MAX_TEXT, true),
		);
	}

	public function identity(): CallIdentity
	{
		return $this->identity;
	}

	public function apply(CallStore $store, Location $location, int $now): void
	{
		$store->addEvent($this->identity, $this, $now);
	}
}
