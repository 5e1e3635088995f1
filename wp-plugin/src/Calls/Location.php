<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

/**
 * Whether a call's session and hit belong to its visitor, and the page of the hit.
 */
final class Location
{
	public const SESSION = 'session';
	public const HIT = 'hit';

	/**
	 * @param string|null $mismatch self::SESSION when the session is not the visitor's,
	 *                              self::HIT when the hit is not the session's, null when all fit
	 * @param string      $pageUrl  the hit's page, "" without a hit
	 */
	public function __construct(
		public readonly ?string $mismatch,
		public readonly string $pageUrl = '',
	) {
	}
}
