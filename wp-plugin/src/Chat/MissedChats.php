<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Mail\NoticeStore;

/**
 * The missed chats' e-mails as a NoticeStore, over the chats' missed_state: "none"
 * until nobody took the chat within the wait, then "pending" and the notice's usual
 * states (NoticeQueue), so each missed chat is mailed once. A notice without a
 * recipient ends as "nobody", never back at "none", which would mark it again.
 */
final class MissedChats implements NoticeStore
{
	public const NOT_MISSED = 'none';
	public const PENDING = NoticeQueue::PENDING;
	private const NO_RECIPIENT = 'nobody';

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public function pending(int $limit): array
	{
		$wpdb = $this->wpdb;
		$ids = $wpdb->get_col($wpdb->prepare(
			"SELECT id FROM {$wpdb->leadtrail_chats} WHERE missed_state = %s ORDER BY id LIMIT %d",
			self::PENDING,
			$limit
		));
		return array_map('intval', is_array($ids) ? array_values($ids) : []);
	}

	public function claim(int $id, string $at, string $from = NoticeQueue::PENDING): bool
	{
		$wpdb = $this->wpdb;
		// The state in the WHERE: of two requests sending at once, one takes the row.
		return $wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET missed_state = %s WHERE id = %d AND missed_state = %s",
			NoticeQueue::SENDING,
			$id,
			$from
		)) === 1;
	}

	/** None: missed chats are mailed one by one, never in a digest. */
	public function deferred(int $limit): array
	{
		return [];
	}

	public function row(int $id): ?array
	{
		$wpdb = $this->wpdb;
		$row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$wpdb->leadtrail_chats} WHERE id = %d", $id), ARRAY_A);
		return is_array($row) ? $row : null;
	}

	public function finish(int $id, string $state): void
	{
		$wpdb = $this->wpdb;
		$wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET missed_state = %s WHERE id = %d",
			$state === NoticeQueue::NONE ? self::NO_RECIPIENT : $state,
			$id
		));
	}
}
