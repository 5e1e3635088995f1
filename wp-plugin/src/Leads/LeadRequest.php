<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Calls\CallIdentity;
use LeadTrail\Calls\VisitorCall;
use LeadTrail\Ingest\JsonBody;

/**
 * addOfflineRequest(req, callback) (A4, F2): `{collect}?op=request` and its REST
 * fallback. A visitor call with identity and request_id, applied by LeadService
 * rather than as an ordinary write: its answer is A4's and it has limits of its own.
 */
final class LeadRequest implements VisitorCall
{
	public const SOURCE = 'js';

	private function __construct(
		private readonly CallIdentity $identity,
		public readonly LeadFields $fields,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		$identity = CallIdentity::nobodyFromBody($body) ?? CallIdentity::fromBody($body);
		return new self($identity, LeadFields::read(LeadInput::fromJsonBody($body), 'message'));
	}

	public function identity(): CallIdentity
	{
		return $this->identity;
	}
}
