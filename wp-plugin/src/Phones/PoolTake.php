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
 * say who holds it until when. One UPDATE ... LIMIT 1 takes the session's own
 * slot, else a free one (held_until in the past); the row lock it takes makes two
 * concurrent hits, from any web node, take two different slots or one waits for
 * the other and then finds the slot no longer free. Each hit moves held_until on.
 */
final class PoolTake
{
	private readonly string $numbers;
	private readonly string $holds;
	private readonly string $at;
	private readonly string $until;

	/**
	 * @param int    $now   the hit's time (unix seconds, the test clock's)
	 * @param string $guard SQL: the condition under which the hit is written (AddressCeiling::guard())
	 */
	public function __construct(
		Statements $db,
		private readonly NumberPool $pool,
		private readonly int $visitorId,
		private readonly int $sessionId,
		int $now,
		private readonly string $guard,
	) {
		$this->numbers = $db->prefix() . Tables::NUMBERS;
		$this->holds = $db->prefix() . Tables::NUMBER_HOLDS;
		$this->at = $db->quote(gmdate('Y-m-d H:i:s', $now));
		$this->until = $db->quote(gmdate('Y-m-d H:i:s', $now + $pool->holdMinutes * 60));
	}

	/**
	 * Before the batch's COMMIT. A new session that finds every number held counts
	 * one "pool exhausted" on the pool's fallback row.
	 *
	 * @return list<string>
	 */
	public function statements(bool $newSession): array
	{
		$pool = $this->pool->id;
		$session = $this->sessionId;
		// SET runs left to right: held_from reads the session_id the row had before.
		$statements = [
			"UPDATE {$this->numbers}
				SET held_from = IF(session_id = {$session} AND held_until >= {$this->at}, held_from, {$this->at}),
					session_id = {$session}, visitor_id = {$this->visitorId}, held_until = {$this->until}
				WHERE kind = 'pool' AND pool_id = {$pool} AND (session_id = {$session} OR held_until < {$this->at}) AND {$this->guard}
				ORDER BY session_id = {$session} DESC, position
				LIMIT 1",
			'SET @leadtrail_took = ROW_COUNT()',
			"INSERT INTO {$this->holds} (digits, visitor_id, session_id, held_from, held_until)
				SELECT digits, visitor_id, session_id, held_from, held_until FROM {$this->numbers}
				WHERE kind = 'pool' AND pool_id = {$pool} AND session_id = {$session} AND held_until = {$this->until} AND {$this->guard}
				ON DUPLICATE KEY UPDATE held_until = VALUES(held_until)",
		];
		if ($newSession) {
			$statements[] = "UPDATE {$this->numbers} SET exhausted = exhausted + 1
				WHERE kind = 'fallback' AND pool_id = {$pool} AND @leadtrail_took = 0 AND {$this->guard}";
		}
		return $statements;
	}

	/** After the COMMIT: the row of the number the session holds, none when the pool was exhausted. */
	public function read(): string
	{
		return "SELECT digits FROM {$this->numbers}
			WHERE kind = 'pool' AND pool_id = {$this->pool->id} AND session_id = {$this->sessionId} AND held_until = {$this->until}
			LIMIT 1";
	}

	/** The number shown: the held one, else the fallback ('' for none). */
	public function shown(?string $held): string
	{
		return $held ?? $this->pool->fallback;
	}
}
