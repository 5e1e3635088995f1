<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

/**
 * One message of a chat, as both sides receive it: `from` is "visitor" or
 * "operator"; the text is raw (each place that shows it escapes it).
 */
final class ChatMessage
{
	public const VISITOR = 'visitor';
	public const OPERATOR = 'operator';

	public function __construct(
		public readonly int $id,
		public readonly string $from,
		public readonly int $userId,
		public readonly string $text,
		public readonly int $at,
	) {
	}

	/** @param array<string, string> $row */
	public static function fromRow(array $row): self
	{
		return new self((int) $row['id'], (string) $row['author'], (int) $row['user_id'], (string) $row['body'], (int) $row['created_at']);
	}

	/** @return array{id: int, from: string, text: string, at: int} */
	public function toArray(): array
	{
		return ['id' => $this->id, 'from' => $this->from, 'text' => $this->text, 'at' => $this->at];
	}
}
