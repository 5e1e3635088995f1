<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Ingest\Refusal;

/** What LeadService::capture() did with one captured submission. */
final class CapturedLead
{
	public function __construct(
		/** The new request's id; null when the same submission was recorded in the last 10 minutes. */
		public readonly ?int $id,
		/** Why the submission's visitor ids were not accepted (it was then recorded with no visitor). */
		public readonly ?Refusal $refusedIdentity = null,
	) {
	}
}
