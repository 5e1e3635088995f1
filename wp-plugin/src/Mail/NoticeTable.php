<?php

declare(strict_types=1);

namespace LeadTrail\Mail;

/**
 * A NoticeStore over a table with the columns notify_state and notified_at
 * (requests and callback orders alike, docs/contracts.md, "E-mail notices").
 */
final class NoticeTable implements NoticeStore
{
	/** @param string $table the full name, prefix included */
	public function __construct(private readonly \wpdb $wpdb, private readonly string $table)
	{
	}

	public function pending(int $limit): array
	{
		$wpdb = $this->wpdb;
		$ids = $wpdb->get_col($wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $this->table is one of ours (the constructor)
			"SELECT id FROM {$this->table} WHERE notify_state = %s ORDER BY id LIMIT %d",
			NoticeQueue::PENDING,
			$limit
		));
		return array_map('intval', is_array($ids) ? array_values($ids) : []);
	}

	public function claim(int $id, string $at, string $from = NoticeQueue::PENDING): bool
	{
		$wpdb = $this->wpdb;
		// One UPDATE with the state in its WHERE: a concurrent cron run or admin load skips the row.
		return $wpdb->query($wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $this->table is one of ours (the constructor)
			"UPDATE {$this->table} SET notify_state = %s, notified_at = %s WHERE id = %d AND notify_state = %s",
			NoticeQueue::SENDING,
			$at,
			$id,
			$from
		)) === 1;
	}

	public function deferred(int $limit): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results($wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $this->table is one of ours (the constructor)
			"SELECT id, notified_at FROM {$this->table} WHERE notify_state = %s ORDER BY id LIMIT %d",
			NoticeQueue::DIGEST,
			$limit
		), ARRAY_A);
		$waiting = [];
		foreach (is_array($rows) ? $rows : [] as $row) {
			// notified_at is when the row began to wait, in UTC.
			$waiting[(int) $row['id']] = (int) strtotime((string) $row['notified_at'] . ' UTC');
		}
		return $waiting;
	}

	public function row(int $id): ?array
	{
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $this->table is one of ours (the constructor)
		$row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$this->table} WHERE id = %d", $id), ARRAY_A);
		return is_array($row) ? $row : null;
	}

	public function finish(int $id, string $state): void
	{
		$wpdb = $this->wpdb;
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $this->table is one of ours (the constructor)
		$wpdb->query($wpdb->prepare("UPDATE {$this->table} SET notify_state = %s WHERE id = %d", $state, $id));
	}
}
