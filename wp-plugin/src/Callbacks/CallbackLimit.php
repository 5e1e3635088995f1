<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

/**
 * A10 status 4, R6: at most 10 accepted callback orders on the site in any 60
 * seconds, across all visitors; counted in the database under a lock.
 */
final class CallbackLimit
{
	public const LIMIT = 10;
	public const WINDOW = 60;

	/** Orders created after this moment (unix seconds, exclusive) count against the limit. */
	public static function since(int $now): int
	{
		return $now - self::WINDOW;
	}

	/** @param int $accepted orders accepted in the last 60 seconds, this one not included */
	public static function allows(int $accepted): bool
	{
		return $accepted < self::LIMIT;
	}
}
