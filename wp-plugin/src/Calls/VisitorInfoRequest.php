<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Contacts\PhoneNumber;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\JsonBody;

/**
 * addVisitorInfo({name, phone, email}) (A14): any other key is ignored.
 */
final class VisitorInfoRequest implements WriteCall
{
	public const SOURCE = 'js';
	private const FIELDS = ['name' => 'name', 'phone' => 'phone', 'email' => 'email'];

	private function __construct(
		private readonly CallIdentity $identity,
		public readonly VisitorInfo $info,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		$identity = CallIdentity::fromBody($body);
		return new self($identity, VisitorInfo::fromValues(
			$body->optionalString('name', VisitorInfo::MAX_NAME),
			$body->optionalString('phone', PhoneNumber::MAX_LENGTH),
			$body->optionalString('email', EmailAddress::MAX_LENGTH),
			self::FIELDS,
		));
	}

	public function identity(): CallIdentity
	{
		return $this->identity;
	}

	public function apply(CallStore $store, Location $location, int $now): void
	{
		$store->addVisitorInfo($this->identity->visitorId, $this->info, self::SOURCE, true, $location->pageUrl, $now);
	}
}
