<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

/**
 * A10 status 4, R6: at most 10 accepted callback orders on the site in any 60
 * seconds, across all visitors, counted to the millisecond (a whole-second count
 * let an 11th in 59.1 s after the first). One client gets only a share of the 10,
 * so that it cannot use up every minute's orders: 3 per visitor, 5 per client
 * address. Counted in the database under a lock.
 */
final class CallbackLimit
{
	public const LIMIT = 10;
	public const VISITOR_SHARE = 3;
	public const ADDRESS_SHARE = 5;
	public const WINDOW_MS = 60_000;

	/** Orders accepted at or after this moment (unix milliseconds) count against the limit. */
	public static function since(int $nowMs): int
	{
		return $nowMs - self::WINDOW_MS;
	}

	/** @param CallbackCounts $accepted orders accepted since since(), this one not included */
	public static function allows(CallbackCounts $accepted): bool
	{
		return $accepted->site < self::LIMIT
			&& $accepted->visitor < self::VISITOR_SHARE
			&& $accepted->address < self::ADDRESS_SHARE;
	}
}
