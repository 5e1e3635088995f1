<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * One count a lead is checked against: whose (a keyed hash of a visitor id or a
 * client address) and its ceiling. A lead is counted in each of its buckets and
 * refused when any of them is full.
 */
final class RateLimitBucket
{
	/**
	 * Leads one visitor may send in any 10 minutes: a person filling a form by hand
	 * sends a few; twice the old limit of 10 leaves room for a busy one.
	 */
	public const VISITOR_LIMIT = 20;
	/**
	 * Leads one client address may send in any 10 minutes: an office or a carrier's
	 * NAT puts many people behind one address, so this is far above what one reaches.
	 */
	public const ADDRESS_LIMIT = 100;

	public function __construct(
		/** An HMAC, see key(): the table holds no address or visitor id that could be read back. */
		public readonly string $key,
		public readonly RateLimit $limit,
	) {
	}

	/** The bucket's key for $value of $kind ("visitor", "ip"), keyed with the site's secret. */
	public static function key(string $secret, string $kind, string $value): string
	{
		return substr(hash_hmac('sha256', $kind . '|' . $value, 'leadtrail-rate|' . $secret), 0, 40);
	}
}
