<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

use LeadTrail\Storage\Statements;
use LeadTrail\Storage\Tables;

/**
 * The statements with which a hit takes, or keeps, a pool number for its session,
 * sent in the hit's own write batch (no round trip of their own).
 *
 * A pool number's row in the numbers table is its slot: session_id and held_until
 * say who holds it until when. A session that holds one (the hit's first read found
 * it) moves its held_until on; else it takes the slot free the
 * longest (held_until furthest in the past; among numbers never held, the first in
 * the order of the screen), which leaves a number that was just released unused for
 * as long as the pool allows, for late calls to it. The index pool_free holds the
 * free slots in that order, so the take reads one entry: it neither passes nor
 * locks the numbers held. Its row lock makes two concurrent hits, from any web
 * node, take two different slots: one waits for the other's COMMIT (the take comes
 * last in the hit's transaction) and then finds that slot no longer free.
 */
final class PoolTake
{
	private readonly string $numbers;
	private readonly string $holds;
	private readonly string $at;
	private readonly string $until;
	private readonly string $heldDigits;
	/** Drawn for this take: the variables its find sets carry it (see statements()). */
	private readonly int $mark;

	/**
	 * @param int         $now   the hit's time (unix seconds, the test clock's)
	 * @param string      $guard SQL: the condition under which the hit is written (AddressCeiling::guard())
	 * @param string|null $held  the pool number the session holds (the hit's first read), null for none
	 */
	public function __construct(
		Statements $db,
		public readonly NumberPool $pool,
		private readonly int $visitorId,
		private readonly int $sessionId,
		int $now,
		private readonly string $guard,
		?string $held = null,
		/** Test mode only: milliseconds to hold a taken number's lock before the COMMIT. */
		private readonly int $pause = 0,
	) {
		$this->numbers = $db->prefix() . Tables::NUMBERS;
		$this->holds = $db->prefix() . Tables::NUMBER_HOLDS;
		$this->at = $db->quote(gmdate('Y-m-d H:i:s', $now));
		$this->until = $db->quote(gmdate('Y-m-d H:i:s', $now + $pool->holdMinutes * 60));
		$this->heldDigits = $held === null ? '' : $db->quote($held);
		$this->mark = random_int(1, PHP_INT_MAX);
	}

	/**
	 * Before the batch's COMMIT, after the hit's other writes: the row lock on the slot,
	 * which every concurrent take waits for, lasts only until the COMMIT.
	 *
	 * @return list<string>
	 */
	public function statements(): array
	{
		$pool = $this->pool->id;
		$session = $this->sessionId;
		if ($this->heldDigits !== '') {
			// SET runs left to right: held_from reads the held_until the row had, so a hold
			// that lapsed while no one took the number starts again.
			return [
				"UPDATE {$this->numbers}
					SET held_from = IF(held_until >= {$this->at}, held_from, {$this->at}), held_until = {$this->until}
					WHERE digits = {$this->heldDigits} AND kind = 'pool' AND session_id = {$session} AND {$this->guard}",
				"INSERT INTO {$this->holds} (digits, visitor_id, session_id, held_from, held_until)
					SELECT digits, visitor_id, session_id, held_from, held_until FROM {$this->numbers}
					WHERE digits = {$this->heldDigits} AND kind = 'pool' AND session_id = {$session} AND held_until = {$this->until} AND {$this->guard}
					ON DUPLICATE KEY UPDATE held_until = VALUES(held_until)",
			];
		}
		// The free slot is found first and taken by its primary key: an UPDATE that changes held_until
		// while it scans pool_free buffers the range and locks every free slot in it (a take then cost
		// 14 plain hits in a pool of 11,900 slots instead of 1.5). The hold row is written from the
		// variables the find sets, and they are what the read after the COMMIT answers: no statement
		// looks the slot up again. A find that matches nothing leaves the variables as they were (an
		// earlier attempt's, on a connection that made one): the mark, drawn for this take, tells.
		$mark = $this->mark;
		$statements = [
			"SELECT id, digits, {$mark} INTO @leadtrail_slot, @leadtrail_digits, @leadtrail_mark FROM {$this->numbers} FORCE INDEX (pool_free)
				WHERE kind = 'pool' AND pool_id = {$pool} AND held_until < {$this->at} AND {$this->guard}
				ORDER BY held_until, position
				LIMIT 1 FOR UPDATE",
			"UPDATE {$this->numbers}
				SET held_from = {$this->at}, session_id = {$session}, visitor_id = {$this->visitorId}, held_until = {$this->until}
				WHERE id = @leadtrail_slot AND @leadtrail_mark = {$mark} AND {$this->guard}",
			"INSERT INTO {$this->holds} (digits, visitor_id, session_id, held_from, held_until)
				SELECT @leadtrail_digits, {$this->visitorId}, {$session}, {$this->at}, {$this->until} FROM DUAL
				WHERE @leadtrail_mark = {$mark} AND {$this->guard}
				ON DUPLICATE KEY UPDATE held_until = VALUES(held_until)",
		];
		if ($this->pause > 0) {
			$statements[] = 'DO SLEEP(' . ($this->pause / 1000) . ')';
		}
		return $statements;
	}

	/** After the COMMIT: the number the session holds (no row, or digits null, when it holds none). */
	public function read(): string
	{
		if ($this->heldDigits === '') {
			return "SELECT IF(@leadtrail_mark = {$this->mark}, @leadtrail_digits, NULL) AS digits";
		}
		return "SELECT digits FROM {$this->numbers}
			WHERE digits = {$this->heldDigits} AND kind = 'pool' AND session_id = {$this->sessionId} AND held_until = {$this->until}";
	}

	/**
	 * After the read, for a new session that found every number held: one "pool exhausted"
	 * on the pool's fallback row. Its own statement, outside the hit's transaction: the
	 * sessions that got a number, nearly all, send none.
	 */
	public function exhausted(): string
	{
		return "UPDATE {$this->numbers} SET exhausted = exhausted + 1 WHERE kind = 'fallback' AND pool_id = {$this->pool->id}";
	}
}
