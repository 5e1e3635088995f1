<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

/**
 * New visitor, session and hit ids: random, so that no id tells anything about
 * another. The token-less entry points (api/add_offline_message/, vc/s/) take ids
 * as proof enough of who is writing, so they must not be guessable.
 *
 * They stay positive integers that a JavaScript number holds exactly. They start
 * above every id the tables ever counted up to with AUTO_INCREMENT, which lets the
 * upgrade tell a renumbered row from one still to do.
 */
final class PublicIds
{
	/** 2^32: above any sequential id, and leaves 2^53 - 2^32 ids to draw from. */
	public const MIN = 4294967296;
	/** 2^53 - 1, JavaScript's Number.MAX_SAFE_INTEGER. */
	public const MAX = 9007199254740991;

	public static function draw(): int
	{
		return random_int(self::MIN, self::MAX);
	}
}
