<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

/**
 * The numbers table as the Phone numbers screen keeps it: one row per configured
 * number with its kind, pool and label (which the calls are attributed with),
 * and the pools' state for the screen.
 */
final class NumberTable
{
	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * Makes the table hold exactly $settings' numbers. A number that stays keeps its
	 * row, so a visitor holding a pool number keeps it and the counts stay.
	 *
	 * @return bool false when the database refused (nothing changed)
	 */
	public function sync(PhoneSettings $settings): bool
	{
		$wpdb = $this->wpdb;
		$rows = $settings->numberRows();
		$wpdb->query('START TRANSACTION');
		foreach ($rows as $row) {
			$done = $wpdb->query($wpdb->prepare(
				"INSERT INTO {$wpdb->leadtrail_numbers} (digits, kind, pool_id, position, label) VALUES (%s, %s, %d, %d, %s)
				ON DUPLICATE KEY UPDATE kind = VALUES(kind), pool_id = VALUES(pool_id), position = VALUES(position), label = VALUES(label)",
				$row['digits'],
				$row['kind'],
				$row['pool_id'],
				$row['position'],
				$row['label']
			));
			if ($done === false) {
				$wpdb->query('ROLLBACK');
				return false;
			}
		}
		$digits = array_column($rows, 'digits');
		$deleted = $digits === []
			? $wpdb->query("DELETE FROM {$wpdb->leadtrail_numbers}")
			: $wpdb->query($wpdb->prepare(
				"DELETE FROM {$wpdb->leadtrail_numbers} WHERE digits NOT IN (" . implode(', ', array_fill(0, count($digits), '%s')) . ')',
				$digits
			));
		if ($deleted === false) {
			$wpdb->query('ROLLBACK');
			return false;
		}
		return $wpdb->query('COMMIT') !== false;
	}

	/**
	 * Per pool: its numbers held at $now and the new sessions that found none free.
	 *
	 * @return array<int, array{held: int, exhausted: int}> by pool id
	 */
	public function poolState(int $now): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT pool_id, SUM(kind = 'pool' AND held_until >= %s) AS held, SUM(IF(kind = 'fallback', exhausted, 0)) AS exhausted
			FROM {$wpdb->leadtrail_numbers} WHERE kind IN ('pool', 'fallback') GROUP BY pool_id",
			gmdate('Y-m-d H:i:s', $now)
		), ARRAY_A);
		$state = [];
		foreach (is_array($rows) ? $rows : [] as $row) {
			$state[(int) $row['pool_id']] = ['held' => (int) $row['held'], 'exhausted' => (int) $row['exhausted']];
		}
		return $state;
	}
}
