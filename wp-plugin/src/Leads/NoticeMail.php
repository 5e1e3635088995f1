<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Support\Utf8;

/**
 * The pure parts of the e-mail notices: who gets one, and visitor text that is
 * safe in a mail header and in the body (it never carries a line break into a
 * header or a line of its own into the body).
 */
final class NoticeMail
{
	private const MAX_SUBJECT = 120;
	private const NOT_ON_A_LINE = '/[\p{Cc}\x{2028}\x{2029}\x{202A}-\x{202E}\x{2066}-\x{2069}]+/u';

	/**
	 * The site admin (when the setting is on) and the lead's group (when it has an
	 * e-mail), each once.
	 *
	 * @return list<string>
	 */
	public static function recipients(bool $notifyAdmin, string $adminEmail, ?EmployeeGroup $group): array
	{
		$recipients = [];
		if ($notifyAdmin && $adminEmail !== '') {
			$recipients[strtolower($adminEmail)] = $adminEmail;
		}
		if ($group !== null && $group->email !== '') {
			$recipients[strtolower($group->email)] ??= $group->email;
		}
		return array_values($recipients);
	}

	/** One line of at most $max characters: control characters, line breaks included, become spaces. */
	public static function headerText(string $text, int $max = self::MAX_SUBJECT): string
	{
		if (!Utf8::isValid($text)) {
			return '';
		}
		$line = trim(self::line($text));
		if (Utf8::length($line) > $max) {
			$line = rtrim(Utf8::truncate($line, $max - 1)) . '…';
		}
		return $line;
	}

	/**
	 * Visitor text that must stay on its line of a notice: control characters (line
	 * breaks included), the Unicode line and paragraph separators and the bidi controls
	 * that could show it as another line become spaces.
	 */
	public static function line(string $text): string
	{
		$line = preg_replace(self::NOT_ON_A_LINE, ' ', $text);
		// Not UTF-8 (preg_replace null): its ASCII controls still go, byte by byte.
		return $line ?? (string) preg_replace('/[\x00-\x1F\x7F]+/', ' ', $text);
	}

	/** A "label: value" line of a notice, the value kept on it. */
	public static function field(string $label, string $value): string
	{
		return $label . ': ' . self::line($value);
	}

	/**
	 * Visitor text of many lines, quoted as e-mail quotes: "> " before each line, so
	 * that no line of it reads as the notice's own ("Open it in wp-admin: …").
	 *
	 * @return list<string>
	 */
	public static function quote(string $text): array
	{
		// Byte patterns (CR LF, CR, LF, and U+0085, U+2028, U+2029 in UTF-8), so that no text fails to split.
		$lines = (array) preg_split('/\r\n|[\r\n]|\xC2\x85|\xE2\x80[\xA8\xA9]/', $text);
		return array_map(static function (string $line): string {
			$line = rtrim(self::line($line));
			return $line === '' ? '>' : '> ' . $line;
		}, $lines);
	}

	/** What names a request in a subject: its form, else who sent it, else its number. */
	public static function title(?string $formName, ?string $name, ?string $email, ?string $phone, int $id): string
	{
		foreach ([$formName, $name, $email, $phone] as $text) {
			$line = $text === null ? '' : self::headerText($text, 60);
			if ($line !== '') {
				return $line;
			}
		}
		return '#' . $id;
	}

	/** How a notice names the group of its row: null for none, "#id" for one deleted since. */
	public static function groupLabel(?string $groupId, ?EmployeeGroup $group): ?string
	{
		if ($groupId === null) {
			return null;
		}
		return $group === null ? '#' . $groupId : $group->name . ' (' . $group->id . ')';
	}

	/** A Reply-To header for the visitor's address, null when it is not a plain address. */
	public static function replyTo(?string $email): ?string
	{
		if ($email === null) {
			return null;
		}
		$email = trim($email);
		if (EmailAddress::normalize($email) === null || preg_match('/^[\x21-\x7E]+$/', $email) !== 1) {
			return null;
		}
		return 'Reply-To: ' . $email;
	}
}
