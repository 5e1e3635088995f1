<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

use LeadTrail\Storage\Tables;

/**
 * What the numbers keep of visits: the holds (which session was shown which pool number
 * when) and each pool number's slot, which names the session and visitor that hold it
 * or held it last. Both are tracking data: retention deletes the holds and unlinks the
 * slots once they are older than the cutoff, and the privacy eraser does the same for
 * a person's visitors. A slot keeps its held_until, so a number unlinked while held stays
 * out of use until its hold ends: a call to it in that time still points to no other visit.
 *
 * The statements are wpdb::prepare() templates.
 */
final class NumberHistory
{
	/** Retention: at most %d holds that ended before %s (UTC), the oldest first. */
	public static function pruneHolds(string $prefix): string
	{
		return 'DELETE FROM ' . $prefix . Tables::NUMBER_HOLDS . ' WHERE held_until < %s ORDER BY held_until LIMIT %d';
	}

	/** Retention: at most %d slots unlinked whose hold ended before %s (UTC). */
	public static function pruneSlots(string $prefix): string
	{
		return 'UPDATE ' . $prefix . Tables::NUMBERS . " SET session_id = 0, visitor_id = 0 WHERE kind = 'pool' AND visitor_id <> 0 AND held_until < %s LIMIT %d";
	}

	/**
	 * The eraser: at most %d slots unlinked from the visitors that $visitors names.
	 *
	 * @param string $visitors a prepare() condition on visitor_id, such as Person::visitors() gives
	 */
	public static function unlinkSlots(string $prefix, string $visitors): string
	{
		return 'UPDATE ' . $prefix . Tables::NUMBERS . " SET session_id = 0, visitor_id = 0 WHERE kind = 'pool' AND {$visitors} ORDER BY id LIMIT %d";
	}
}
