<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

/**
 * One row in which a privacy request's address was found, and whether it came with the token of
 * its visitor: only then does it make the visitor part of the person.
 */
final class AddressMatch
{
	public const CONTACT = 'contact';
	public const REQUEST = 'request';

	public function __construct(
		/** self::CONTACT or self::REQUEST */
		public readonly string $kind,
		public readonly int $id,
		/** 0 for a request with no visitor */
		public readonly int $visitorId,
		public readonly bool $byToken,
	) {
	}

	public function linksVisitor(): bool
	{
		return $this->byToken && $this->visitorId > 0;
	}
}
