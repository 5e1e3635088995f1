<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Storage\Sql;

/**
 * Reads the numbers and their holds (filled by the Phone numbers screen and the
 * page views that take pool numbers) to attribute a call at record time.
 */
final class CallAttributor
{
	private readonly Sql $sql;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
	}

	/** @throws \LeadTrail\Ingest\StorageUnavailable */
	public function attribute(string $called, int $startedAt): CallAttribution
	{
		$wpdb = $this->wpdb;
		$number = $wpdb->get_row($wpdb->prepare("SELECT kind, label FROM {$wpdb->leadtrail_numbers} WHERE digits = %s", $called), ARRAY_A);
		$this->sql->failIfError();
		if (!is_array($number)) {
			return CallAttribution::none();
		}
		$hold = $number['kind'] === 'pool' ? $this->hold($called, gmdate('Y-m-d H:i:s', $startedAt)) : null;
		return CallAttribution::decide((string) $number['kind'], (string) $number['label'], $hold);
	}

	/**
	 * The hold of the number that covers $at; the latest if holds overlap (a number is
	 * given to one session at a time, so they overlap only by a clock's second).
	 *
	 * @return array{visitor_id: int, session_id: int, source: string}|null
	 */
	private function hold(string $digits, string $at): ?array
	{
		$wpdb = $this->wpdb;
		$row = $wpdb->get_row($wpdb->prepare(
			"SELECT h.visitor_id, h.session_id, COALESCE(s.source, '') AS source FROM {$wpdb->leadtrail_number_holds} h
			LEFT JOIN {$wpdb->leadtrail_sessions} s ON s.id = h.session_id
			WHERE h.digits = %s AND h.held_from <= %s AND h.held_until >= %s
			ORDER BY h.held_from DESC, h.id DESC LIMIT 1",
			$digits,
			$at,
			$at
		), ARRAY_A);
		$this->sql->failIfError();
		return is_array($row)
			? ['visitor_id' => (int) $row['visitor_id'], 'session_id' => (int) $row['session_id'], 'source' => (string) $row['source']]
			: null;
	}
}
