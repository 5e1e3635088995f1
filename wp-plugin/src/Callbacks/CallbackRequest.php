<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Calls\CallIdentity;
use LeadTrail\Calls\VisitorCall;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Leads\LeadInput;

/**
 * sitePhoneCall (A10): `{collect}?op=callback` and its REST fallback. A visitor
 * call with identity and request_id, applied by CallbackService.
 *
 * A refusal is not thrown here but kept: A10's refusals carry `status: 3`, and
 * collect.php answers a thrown one in the plain envelope. The fields are read by
 * CallbackService, which knows the clock (delayed_call_time).
 */
final class CallbackRequest implements VisitorCall
{
	private function __construct(
		private readonly ?CallIdentity $identity,
		public readonly ?LeadInput $input,
		public readonly ?Refusal $refusal,
	) {
	}

	public static function fromBody(JsonBody $body): self
	{
		try {
			return new self(CallIdentity::fromBody($body), LeadInput::fromJsonBody($body), null);
		} catch (Refusal $refusal) {
			return new self(null, null, $refusal);
		}
	}

	public function identity(): CallIdentity
	{
		if ($this->identity === null) {
			throw new \LogicException('A refused callback has no identity; answer its refusal.');
		}
		return $this->identity;
	}
}
