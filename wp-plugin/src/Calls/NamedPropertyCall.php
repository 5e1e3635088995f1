<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\JsonBody;

/**
 * The identity and the property name of a call about one property (get, has, delete):
 * read from the body the same way for each.
 */
trait NamedPropertyCall
{
	private function __construct(
		private readonly CallIdentity $identity,
		public readonly string $name,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		$identity = CallIdentity::fromBody($body);
		return new self($identity, Text::propertyName($body));
	}

	public function identity(): CallIdentity
	{
		return $this->identity;
	}
}
