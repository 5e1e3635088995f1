<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\JsonBody;

/**
 * setProperty(name, value?) (A16): without a value the property is set and reads as true.
 */
final class PropertySetRequest implements WriteCall
{
	public const MAX_NAME = 255;
	public const MAX_VALUE = 4096;

	private function __construct(
		private readonly CallIdentity $identity,
		public readonly string $name,
		public readonly ?string $value,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		$identity = CallIdentity::fromBody($body);
		return new self(
			$identity,
			Text::propertyName($body),
			$body->optionalString('value', self::MAX_VALUE, true),
		);
	}

	public function identity(): CallIdentity
	{
		return $this->identity;
	}

	public function apply(CallStore $store, Location $location, int $now): void
	{
		$store->setProperty($this->identity->visitorId, $this->name, $this->value, $now);
	}
}
