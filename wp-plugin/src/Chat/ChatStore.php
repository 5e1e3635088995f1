<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Storage\Tables;

/**
 * The chats and their messages in the database, for both sides: the visitor's
 * poll (always by visitor id, so a page can reach only its own chat) and the
 * operators' routes (by chat id, behind the capability).
 */
final class ChatStore
{
	/** Messages one answer carries at most; the page asks again from the last one. */
	public const PAGE = 200;

	private readonly string $chats;
	private readonly string $messages;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->chats = Tables::name($wpdb, Tables::CHATS);
		$this->messages = Tables::name($wpdb, Tables::CHAT_MESSAGES);
	}

	/**
	 * The visitor's open chat, opened now if there is none: two tabs that open one at
	 * the same moment meet on the unique key of open_visitor and share it.
	 *
	 * @throws StorageUnavailable
	 */
	public function openFor(int $visitorId, int $groupId, string $page, int $now): int
	{
		$visitors = Tables::name($this->wpdb, Tables::VISITORS);
		$this->run($this->wpdb->prepare(
			"INSERT INTO {$this->chats} (visitor_id, session_id, open_visitor, status, group_id, page, created_at, updated_at)
			SELECT %d, COALESCE((SELECT last_session_id FROM {$visitors} WHERE id = %d), 0), %d, 'waiting', %d, %s, %d, %d
			ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), updated_at = VALUES(updated_at)",
			$visitorId,
			$visitorId,
			$visitorId,
			$groupId,
			$page,
			$now,
			$now,
		));
		return (int) $this->wpdb->insert_id;
	}

	/**
	 * Adds a message; one with a request_id the chat has already is kept once.
	 *
	 * @throws StorageUnavailable
	 */
	public function add(int $chatId, string $author, int $userId, string $text, ?string $requestId, int $now): void
	{
		// NULL, not '', without a request_id: the unique key must not fold such messages into one.
		$key = $requestId === null ? 'NULL' : $this->wpdb->prepare('%s', $requestId);
		$this->run($this->wpdb->prepare(
			"INSERT IGNORE INTO {$this->messages} (chat_id, author, user_id, body, request_id, created_at) VALUES (%d, %s, %d, %s, {$key}, %d)",
			$chatId,
			$author,
			$userId,
			$text,
			$now,
		));
		$typing = $author === ChatMessage::VISITOR ? 'visitor_typing_at' : 'operator_typing_at';
		$this->run($this->wpdb->prepare("UPDATE {$this->chats} SET updated_at = %d, {$typing} = 0 WHERE id = %d", $now, $chatId));
	}

	/**
	 * Messages the author sent to the chat since $since, for the rate limit.
	 *
	 * @throws StorageUnavailable
	 */
	public function countSince(int $chatId, string $author, int $since): int
	{
		return (int) $this->value($this->wpdb->prepare(
			"SELECT COUNT(*) FROM {$this->messages} WHERE chat_id = %d AND author = %s AND created_at >= %d",
			$chatId,
			$author,
			$since,
		));
	}

	/**
	 * The visitor's latest chat, open or ended, or null.
	 *
	 * @return array<string, string>|null
	 * @throws StorageUnavailable
	 */
	public function latestOf(int $visitorId): ?array
	{
		return $this->row($this->wpdb->prepare(
			"SELECT * FROM {$this->chats} WHERE visitor_id = %d ORDER BY created_at DESC, id DESC LIMIT 1",
			$visitorId,
		));
	}

	/**
	 * @return array<string, string>|null
	 * @throws StorageUnavailable
	 */
	public function find(int $chatId): ?array
	{
		return $this->row($this->wpdb->prepare("SELECT * FROM {$this->chats} WHERE id = %d", $chatId));
	}

	/**
	 * The chat's messages after the id $after, oldest first.
	 *
	 * @return list<ChatMessage>
	 * @throws StorageUnavailable
	 */
	public function messagesAfter(int $chatId, int $after): array
	{
		$rows = $this->rows($this->wpdb->prepare(
			"SELECT id, author, user_id, body, created_at FROM {$this->messages} WHERE chat_id = %d AND id > %d ORDER BY id LIMIT %d",
			$chatId,
			$after,
			self::PAGE,
		));
		return array_map(static fn (array $row): ChatMessage => ChatMessage::fromRow($row), $rows);
	}

	/** @throws StorageUnavailable */
	public function visitorTyping(int $visitorId, int $now): void
	{
		$this->run($this->wpdb->prepare("UPDATE {$this->chats} SET visitor_typing_at = %d WHERE open_visitor = %d", $now, $visitorId));
	}

	/** @throws StorageUnavailable */
	public function visitorPage(int $visitorId, string $page): void
	{
		$this->run($this->wpdb->prepare("UPDATE {$this->chats} SET page = %s WHERE open_visitor = %d", $page, $visitorId));
	}

	/**
	 * Gives a waiting chat to the operator: one UPDATE that only a chat without an
	 * operator matches, so of two operators who claim it at once one gets it.
	 *
	 * @throws StorageUnavailable
	 */
	public function claim(int $chatId, int $userId, string $name, string $avatar, int $now): bool
	{
		return $this->run($this->wpdb->prepare(
			"UPDATE {$this->chats} SET operator_id = %d, operator_name = %s, operator_avatar = %s, status = 'talking', claimed_at = %d, updated_at = %d
			WHERE id = %d AND operator_id IS NULL AND status = 'waiting'",
			$userId,
			$name,
			$avatar,
			$now,
			$now,
			$chatId,
		)) === 1;
	}

	/**
	 * Hands the operator's chat to another operator.
	 *
	 * @throws StorageUnavailable
	 */
	public function transfer(int $chatId, int $from, int $to, string $name, string $avatar, int $now): bool
	{
		return $this->run($this->wpdb->prepare(
			"UPDATE {$this->chats} SET operator_id = %d, operator_name = %s, operator_avatar = %s, operator_read_id = 0, updated_at = %d
			WHERE id = %d AND operator_id = %d AND status = 'talking'",
			$to,
			$name,
			$avatar,
			$now,
			$chatId,
			$from,
		)) === 1;
	}

	/** @throws StorageUnavailable */
	public function end(int $chatId, int $userId, int $now): bool
	{
		return $this->run($this->wpdb->prepare(
			"UPDATE {$this->chats} SET status = 'ended', open_visitor = NULL, ended_at = %d, updated_at = %d
			WHERE id = %d AND operator_id = %d AND status = 'talking'",
			$now,
			$now,
			$chatId,
			$userId,
		)) === 1;
	}

	/** @throws StorageUnavailable */
	public function operatorTyping(int $chatId, int $userId, int $now): void
	{
		$this->run($this->wpdb->prepare("UPDATE {$this->chats} SET operator_typing_at = %d WHERE id = %d AND operator_id = %d", $now, $chatId, $userId));
	}

	/** @throws StorageUnavailable */
	public function markRead(int $chatId, int $messageId): void
	{
		$this->run($this->wpdb->prepare(
			"UPDATE {$this->chats} SET operator_read_id = GREATEST(operator_read_id, %d) WHERE id = %d",
			$messageId,
			$chatId,
		));
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
		return $this->rows(
			"SELECT c.*, (SELECT COUNT(*) FROM {$this->messages} m WHERE m.chat_id = c.id AND m.author = 'visitor' AND m.id > c.operator_read_id) AS unread
			FROM {$this->chats} c WHERE c.status IN ('waiting', 'talking') ORDER BY c.created_at DESC, c.id DESC LIMIT 100"
		);
	}

	/** @throws StorageUnavailable */
	public function waitingCount(): int
	{
		return (int) $this->value("SELECT COUNT(*) FROM {$this->chats} WHERE status = 'waiting'");
	}

	/** @throws StorageUnavailable */
	private function run(string $sql): int
	{
		$result = $this->wpdb->query($sql);
		if ($result === false) {
			throw new StorageUnavailable('chat: ' . $this->wpdb->last_error);
		}
		return (int) $result;
	}

	/**
	 * @return array<string, string>|null
	 * @throws StorageUnavailable
	 */
	private function row(string $sql): ?array
	{
		$rows = $this->rows($sql);
		return $rows[0] ?? null;
	}

	/**
	 * @return list<array<string, string>>
	 * @throws StorageUnavailable
	 */
	private function rows(string $sql): array
	{
		$rows = $this->wpdb->get_results($sql, ARRAY_A);
		if ($this->wpdb->last_error !== '') {
			throw new StorageUnavailable('chat: ' . $this->wpdb->last_error);
		}
		return array_values(is_array($rows) ? $rows : []);
	}

	/** @throws StorageUnavailable */
	private function value(string $sql): string
	{
		$value = $this->wpdb->get_var($sql);
		if ($this->wpdb->last_error !== '') {
			throw new StorageUnavailable('chat: ' . $this->wpdb->last_error);
		}
		return (string) $value;
	}
}
