<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;

/**
 * Whether an operator is available (R7): an operator with the console open (each
 * heartbeat holds it for HOLD seconds; closing the console ends it at once), who
 * chose "available" and was active on it in the last IDLE seconds. The answer for
 * the whole site is one option, the latest moment any operator stays available,
 * recomputed with each change, so that the hit and the pages' status polls read
 * one row instead of the operators' table.
 */
final class Presence
{
	/** Seconds a heartbeat keeps the console counted as open; the console beats every 15 s. */
	public const HOLD = 45;
	/** Seconds without activity on the console after which the operator is away. */
	public const IDLE = 300;
	public const AVAILABLE = 'available';
	public const AWAY = 'away';

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * A heartbeat of the operator's console; $status null keeps the chosen one, $active says
	 * the operator did something since the last beat. Returns the status now in force.
	 *
	 * @throws StorageUnavailable
	 */
	public function beat(int $userId, ?string $status, bool $active, int $now): string
	{
		$wpdb = $this->wpdb;
		$chosen = $status ?? self::AVAILABLE;
		$this->run($wpdb->query($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_operators} (user_id, status, seen_until, active_at) VALUES (%d, %s, %d, %d)
			ON DUPLICATE KEY UPDATE seen_until = VALUES(seen_until),
				status = IF(%d, VALUES(status), status), active_at = IF(%d, VALUES(active_at), active_at)",
			$userId,
			$chosen,
			$now + self::HOLD,
			$now,
			// A status is stored when one is given, the time of activity when there was some.
			$status !== null ? 1 : 0,
			$active ? 1 : 0,
		)));
		$this->refresh();
		return $this->statusOf($userId, $now);
	}

	/**
	 * The console was closed: the operator is away at once.
	 *
	 * @throws StorageUnavailable
	 */
	public function leave(int $userId): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_operators} SET seen_until = 0 WHERE user_id = %d", $userId)));
		$this->refresh();
	}

	/**
	 * "available" when the operator counts as available now, else "away".
	 *
	 * @throws StorageUnavailable
	 */
	public function statusOf(int $userId, int $now): string
	{
		$wpdb = $this->wpdb;
		$until = $wpdb->get_var($wpdb->prepare(
			"SELECT LEAST(seen_until, active_at + %d) FROM {$wpdb->leadtrail_operators} WHERE user_id = %d AND status = %s",
			self::IDLE,
			$userId,
			self::AVAILABLE,
		));
		$this->check();
		return (int) $until > $now ? self::AVAILABLE : self::AWAY;
	}

	/**
	 * The ids of the operators available now.
	 *
	 * @return list<int>
	 * @throws StorageUnavailable
	 */
	public function available(int $now): array
	{
		$wpdb = $this->wpdb;
		$ids = $wpdb->get_col($wpdb->prepare(
			"SELECT user_id FROM {$wpdb->leadtrail_operators} WHERE status = %s AND LEAST(seen_until, active_at + %d) > %d",
			self::AVAILABLE,
			self::IDLE,
			$now,
		));
		$this->check();
		return array_map('intval', is_array($ids) ? $ids : []);
	}

	/**
	 * Whether any operator is available, from the option alone (the status poll's one query).
	 *
	 * @param array<string, string> $options rows of OptionRows::load() with CHAT_AVAILABLE_UNTIL
	 */
	public static function anyone(array $options, int $now): bool
	{
		return (int) ($options[Options::CHAT_AVAILABLE_UNTIL] ?? 0) > $now;
	}

	/**
	 * One statement, so that two operators' heartbeats at once cannot leave an older value behind.
	 *
	 * @throws StorageUnavailable
	 */
	private function refresh(): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->options} SET option_value = (
				SELECT COALESCE(MAX(LEAST(seen_until, active_at + %d)), 0) FROM {$wpdb->leadtrail_operators} WHERE status = %s
			) WHERE option_name = %s",
			self::IDLE,
			self::AVAILABLE,
			Options::CHAT_AVAILABLE_UNTIL,
		)));
		wp_cache_delete(Options::CHAT_AVAILABLE_UNTIL, 'options');
	}

	/**
	 * After query(), which answers false when the statement failed.
	 *
	 * @throws StorageUnavailable
	 */
	private function run(int|bool $result): void
	{
		if ($result === false) {
			throw new StorageUnavailable('presence: ' . $this->wpdb->last_error);
		}
	}

	/** @throws StorageUnavailable */
	private function check(): void
	{
		if ($this->wpdb->last_error !== '') {
			throw new StorageUnavailable('presence: ' . $this->wpdb->last_error);
		}
	}
}
