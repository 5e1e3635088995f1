<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Identity\Clock;
use LeadTrail\Leads\EmployeeGroup;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\NoticeMail;
use LeadTrail\Mail\NoticeLetter;
use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Options;
use LeadTrail\Storage\OptionRows;

/**
 * The e-mail of a missed chat (nobody took it within the wait), to whom a request's
 * notice goes: the site admin when the setting is on, and the chat's group's address
 * (docs/contracts.md, "Chat"). Sent as the requests' notices are, in a full WordPress
 * load only: the notices' cron job, the end of an operator route or a wp-admin page.
 * The visitor's messages are quoted, so that none reads as a line of the notice.
 */
final class MissedChatNotifier implements NoticeLetter
{
	private const MESSAGES = 20;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** Marks and sends a few missed chats once this request has sent its answer. */
	public static function afterResponse(): void
	{
		NoticeQueue::afterResponse(self::class, static function (): void {
			global $wpdb;
			(new self($wpdb))->sendPending(5);
		});
	}

	/** The notices' cron job (leadtrail_send_notifications). */
	public function cron(): void
	{
		$this->sendPending(50);
	}

	/**
	 * Marks the chats waiting longer than the wait as missed, then mails the pending ones.
	 *
	 * @return int how many e-mails were sent
	 */
	public function sendPending(int $limit): int
	{
		try {
			$now = Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
			$wait = VisitorChat::wait(OptionRows::load($this->wpdb, [Options::CHAT_NO_ANSWER_SECONDS]));
			(new ChatStore($this->wpdb))->markMissedSince($now - $wait);
		} catch (\LeadTrail\Ingest\StorageUnavailable) {
			return 0;
		}
		return (new NoticeQueue(new MissedChats($this->wpdb), $this))->sendPending($limit, $now);
	}

	public function recipients(array $row): array
	{
		return NoticeMail::recipients(
			(string) get_option(Options::NOTIFY_ADMIN, '1') !== '0',
			(string) get_option('admin_email', ''),
			self::group($row),
		);
	}

	public function subject(array $row): string
	{
		return sprintf(
			/* translators: 1: site title, 2: the chat's number */
			__('[%1$s] Missed chat #%2$d', 'leadtrail'),
			NoticeMail::headerText(wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES), 60),
			(int) $row['id'],
		);
	}

	public function body(array $row): string
	{
		$lines = [
			NoticeMail::line(sprintf(
				/* translators: %s: site title */
				__('A visitor of %s wrote in the chat and no operator answered.', 'leadtrail'),
				wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES),
			)),
			__('The chats in wp-admin:', 'leadtrail') . ' ' . admin_url('admin.php?page=' . ChatConsolePage::SLUG),
			'',
		];
		$group = (int) $row['group_id'] === 0 ? null : NoticeMail::groupLabel((string) $row['group_id'], self::group($row));
		if ($group !== null) {
			$lines[] = NoticeMail::field(__('Group', 'leadtrail'), $group);
		}
		if ((string) $row['page'] !== '') {
			$lines[] = NoticeMail::field(__('Page', 'leadtrail'), (string) $row['page']);
		}
		$lines[] = NoticeMail::field(__('Visitor ID', 'leadtrail'), (string) $row['visitor_id']);
		$info = (new ChatVisitorInfo($this->wpdb))->of((int) $row['visitor_id'], (int) $row['session_id']);
		if ($info['name'] !== '') {
			$lines[] = NoticeMail::field(__('Name', 'leadtrail'), (string) $info['name']);
		}
		if ($info['contacts'] !== []) {
			$lines[] = NoticeMail::field(__('Contacts', 'leadtrail'), implode(', ', $info['contacts']));
		}
		$lines[] = '';
		$lines[] = __('Messages:', 'leadtrail');
		foreach ((new ChatStore($this->wpdb))->messagesAfter((int) $row['id'], 0) as $i => $message) {
			if ($i >= self::MESSAGES) {
				break;
			}
			array_push($lines, ...NoticeMail::quote($message->text));
		}
		return implode("\n", $lines);
	}

	/** None: wp_mail() defaults. */
	public function headers(array $row): array
	{
		return [];
	}

	/** @param array<string, string|null> $row */
	private static function group(array $row): ?EmployeeGroup
	{
		return (int) $row['group_id'] === 0 ? null
			: EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'))->find((int) $row['group_id']);
	}
}
