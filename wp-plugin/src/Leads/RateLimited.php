<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * A request over the rate limit: thrown inside the transaction so that nothing,
 * not even its own count, is kept.
 */
final class RateLimited extends \RuntimeException
{
	public function __construct(public readonly int $retryAfter)
	{
		parent::__construct('Too many requests; try again later.');
	}
}
