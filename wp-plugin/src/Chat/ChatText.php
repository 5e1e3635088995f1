<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Ingest\Refusal;

/**
 * A chat message's text, from the visitor or an operator: 1 to MAX characters
 * of valid UTF-8 once trimmed. Stored as given and escaped where it is shown.
 */
final class ChatText
{
	public const MAX = 2000;

	/** @throws Refusal naming `text` */
	public static function parse(mixed $value): string
	{
		if (!is_string($value) || !mb_check_encoding($value, 'UTF-8')) {
			throw Refusal::invalid('text', 'text must be a string of valid UTF-8.');
		}
		$text = trim($value);
		if ($text === '') {
			throw Refusal::invalid('text', 'text must not be empty.');
		}
		if (mb_strlen($text, 'UTF-8') > self::MAX) {
			throw Refusal::invalid('text', sprintf('text must be at most %d characters.', self::MAX));
		}
		return $text;
	}
}
