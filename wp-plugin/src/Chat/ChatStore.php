<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Ingest\StorageUnavailable;

/**
 * The chats and their messages in the database, for both sides: the visitor's
 * poll (always by visitor id, so a page can reach only its own chat) and the
 * operators' routes (by chat id, behind the capability).
 */
final class ChatStore
{
	/** Messages one answer carries at most; the page asks again from the last one. */
	public const PAGE = 200;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * The visitor's open chat, opened now if there is none: two tabs that open one at
	 * the same moment meet on the unique key of open_visitor and share it.
	 *
	 * @throws StorageUnavailable
	 */
	public function openFor(int $visitorId, int $groupId, string $page, int $now): int
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_chats} (visitor_id, session_id, open_visitor, status, group_id, page, created_at, updated_at)
			SELECT %d, COALESCE((SELECT last_session_id FROM {$wpdb->leadtrail_visitors} WHERE id = %d), 0), %d, 'waiting', %d, %s, %d, %d
			ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), updated_at = VALUES(updated_at)",
			$visitorId,
			$visitorId,
			$visitorId,
			$groupId,
			$page,
			$now,
			$now,
		)));
		return (int) $wpdb->insert_id;
	}

	/**
	 * Adds a message; one with a request_id the chat has already is kept once.
	 *
	 * @throws StorageUnavailable
	 */
	public function add(int $chatId, string $author, int $userId, string $text, ?string $requestId, int $now): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare(
			"INSERT IGNORE INTO {$wpdb->leadtrail_chat_messages} (chat_id, author, user_id, body, request_id, created_at) VALUES (%d, %s, %d, %s, NULLIF(%s, ''), %d)",
			$chatId,
			$author,
			$userId,
			$text,
			// NULL, not '', without a request_id: the unique key must not fold such messages into one
			// (a request_id is never empty).
			$requestId ?? '',
			$now,
		)));
		if ($author === ChatMessage::VISITOR) {
			$this->run($wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_chats} SET updated_at = %d, visitor_typing_at = 0 WHERE id = %d", $now, $chatId)));
		} else {
			$this->run($wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_chats} SET updated_at = %d, operator_typing_at = 0 WHERE id = %d", $now, $chatId)));
		}
	}

	/**
	 * Messages the author sent to the chat since $since, for the rate limit.
	 *
	 * @throws StorageUnavailable
	 */
	public function countSince(int $chatId, string $author, int $since): int
	{
		$wpdb = $this->wpdb;
		return (int) $this->value($wpdb->get_var($wpdb->prepare(
			"SELECT COUNT(*) FROM {$wpdb->leadtrail_chat_messages} WHERE chat_id = %d AND author = %s AND created_at >= %d",
			$chatId,
			$author,
			$since,
		)));
	}

	/**
	 * The visitor's latest chat, open or ended, or null.
	 *
	 * @return array<string, string>|null
	 * @throws StorageUnavailable
	 */
	public function latestOf(int $visitorId): ?array
	{
		$wpdb = $this->wpdb;
		return $this->row($wpdb->get_results($wpdb->prepare(
			"SELECT * FROM {$wpdb->leadtrail_chats} WHERE visitor_id = %d ORDER BY created_at DESC, id DESC LIMIT 1",
			$visitorId,
		), ARRAY_A));
	}

	/**
	 * @return array<string, string>|null
	 * @throws StorageUnavailable
	 */
	public function find(int $chatId): ?array
	{
		$wpdb = $this->wpdb;
		return $this->row($wpdb->get_results($wpdb->prepare("SELECT * FROM {$wpdb->leadtrail_chats} WHERE id = %d", $chatId), ARRAY_A));
	}

	/**
	 * The chat's messages after the id $after, oldest first.
	 *
	 * @return list<ChatMessage>
	 * @throws StorageUnavailable
	 */
	public function messagesAfter(int $chatId, int $after): array
	{
		$wpdb = $this->wpdb;
		$rows = $this->rows($wpdb->get_results($wpdb->prepare(
			"SELECT id, author, user_id, body, created_at FROM {$wpdb->leadtrail_chat_messages} WHERE chat_id = %d AND id > %d ORDER BY id LIMIT %d",
			$chatId,
			$after,
			self::PAGE,
		), ARRAY_A));
		return array_map(static fn (array $row): ChatMessage => ChatMessage::fromRow($row), $rows);
	}

	/** @throws StorageUnavailable */
	public function visitorTyping(int $visitorId, int $now): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_chats} SET visitor_typing_at = %d WHERE open_visitor = %d", $now, $visitorId)));
	}

	/** @throws StorageUnavailable */
	public function visitorPage(int $visitorId, string $page): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_chats} SET page = %s WHERE open_visitor = %d", $page, $visitorId)));
	}

	/**
	 * Gives a waiting chat to the operator: one UPDATE that only a chat without an
	 * operator matches, so of two operators who claim it at once one gets it.
	 *
	 * @throws StorageUnavailable
	 */
	public function claim(int $chatId, int $userId, string $name, string $avatar, int $now): bool
	{
		$wpdb = $this->wpdb;
		return $this->run($wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET operator_id = %d, operator_name = %s, operator_avatar = %s, status = 'talking', claimed_at = %d, updated_at = %d
			WHERE id = %d AND operator_id IS NULL AND status = 'waiting'",
			$userId,
			$name,
			$avatar,
			$now,
			$now,
			$chatId,
		))) === 1;
	}

	/**
	 * Hands the operator's chat to another operator.
	 *
	 * @throws StorageUnavailable
	 */
	public function transfer(int $chatId, int $from, int $to, string $name, string $avatar, int $now): bool
	{
		$wpdb = $this->wpdb;
		return $this->run($wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET operator_id = %d, operator_name = %s, operator_avatar = %s, operator_read_id = 0, updated_at = %d
			WHERE id = %d AND operator_id = %d AND status = 'talking'",
			$to,
			$name,
			$avatar,
			$now,
			$chatId,
			$from,
		))) === 1;
	}

	/** @throws StorageUnavailable */
	public function end(int $chatId, int $userId, int $now): bool
	{
		$wpdb = $this->wpdb;
		return $this->run($wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET status = 'ended', open_visitor = NULL, ended_at = %d, updated_at = %d
			WHERE id = %d AND operator_id = %d AND status = 'talking'",
			$now,
			$now,
			$chatId,
			$userId,
		))) === 1;
	}

	/** @throws StorageUnavailable */
	public function operatorTyping(int $chatId, int $userId, int $now): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare("UPDATE {$wpdb->leadtrail_chats} SET operator_typing_at = %d WHERE id = %d AND operator_id = %d", $now, $chatId, $userId)));
	}

	/** @throws StorageUnavailable */
	public function markRead(int $chatId, int $messageId): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET operator_read_id = GREATEST(operator_read_id, %d) WHERE id = %d",
			$messageId,
			$chatId,
		)));
	}

	/**
	 * The chats an operator console lists: waiting ones and those being talked in, newest
	 * first, each with its count of visitor messages the operator has not seen.
	 *
	 * @return list<array<string, string>>
	 * @throws StorageUnavailable
	 */
	public function open(): array
	{
		$wpdb = $this->wpdb;
		return $this->rows($wpdb->get_results(
			"SELECT c.*, (SELECT COUNT(*) FROM {$wpdb->leadtrail_chat_messages} m WHERE m.chat_id = c.id AND m.author = 'visitor' AND m.id > c.operator_read_id) AS unread
			FROM {$wpdb->leadtrail_chats} c WHERE c.status IN ('waiting', 'talking') ORDER BY c.created_at DESC, c.id DESC LIMIT 100",
			ARRAY_A
		));
	}

	/**
	 * Marks the waiting chat missed, once: its e-mail is then pending (MissedChats).
	 *
	 * @throws StorageUnavailable
	 */
	public function markMissed(int $chatId): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET missed_state = %s WHERE id = %d AND status = 'waiting' AND missed_state = %s",
			MissedChats::PENDING,
			$chatId,
			MissedChats::NOT_MISSED,
		)));
	}

	/**
	 * Marks missed every chat still waiting since before $before: those whose visitor left
	 * before its page could notice.
	 *
	 * @throws StorageUnavailable
	 */
	public function markMissedSince(int $before): void
	{
		$wpdb = $this->wpdb;
		$this->run($wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_chats} SET missed_state = %s WHERE status = 'waiting' AND missed_state = %s AND created_at <= %d",
			MissedChats::PENDING,
			MissedChats::NOT_MISSED,
			$before,
		)));
	}

	/** @throws StorageUnavailable */
	public function waitingCount(): int
	{
		$wpdb = $this->wpdb;
		return (int) $this->value($wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->leadtrail_chats} WHERE status = 'waiting'"));
	}

	/**
	 * What query() answered: the rows affected.
	 *
	 * @throws StorageUnavailable
	 */
	private function run(int|bool $result): int
	{
		if ($result === false) {
			throw new StorageUnavailable('chat: ' . $this->wpdb->last_error);
		}
		return (int) $result;
	}

	/**
	 * The first of the rows that get_results() read (ARRAY_A).
	 *
	 * @return array<string, string>|null
	 * @throws StorageUnavailable
	 */
	private function row(mixed $rows): ?array
	{
		return $this->rows($rows)[0] ?? null;
	}

	/**
	 * The rows that get_results() read (ARRAY_A), once the read is known not to have failed.
	 *
	 * @return list<array<string, string>>
	 * @throws StorageUnavailable
	 */
	private function rows(mixed $rows): array
	{
		if ($this->wpdb->last_error !== '') {
			throw new StorageUnavailable('chat: ' . $this->wpdb->last_error);
		}
		return array_values(is_array($rows) ? $rows : []);
	}

	/**
	 * The value that get_var() read, once the read is known not to have failed.
	 *
	 * @throws StorageUnavailable
	 */
	private function value(mixed $value): string
	{
		if ($this->wpdb->last_error !== '') {
			throw new StorageUnavailable('chat: ' . $this->wpdb->last_error);
		}
		return (string) $value;
	}
}
