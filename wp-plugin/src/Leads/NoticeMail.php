<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Support\Utf8;

/**
 * The pure parts of a request's e-mail notice: who gets it, and text that is
 * safe in a mail header (visitor text never carries a line break into one).
 */
final class NoticeMail
{
	private const MAX_SUBJECT = 120;

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
		$line = preg_replace('/[\x00-\x1F\x7F\x{2028}\x{2029}]+/u', ' ', $text);
		$line = trim(is_string($line) ? $line : '');
		if (Utf8::length($line) > $max) {
			$line = rtrim(Utf8::truncate($line, $max - 1)) . '…';
		}
		return $line;
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
