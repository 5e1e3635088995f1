<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Admin\CallbacksPage;
use LeadTrail\Captcha\CaptchaRecorder;
use LeadTrail\Identity\Clock;
use LeadTrail\Leads\EmployeeGroup;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\NoticeMail;
use LeadTrail\Mail\NoticeLetter;
use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Mail\NoticeTable;
use LeadTrail\Options;
use LeadTrail\Storage\Tables;

/**
 * The e-mail notice of each new callback order, sent as the requests' notices are
 * (docs/contracts.md, "E-mail notices"): orders wait as notify_state "pending"
 * until the notices' cron job, the end of the REST request that took them, or a
 * wp-admin page load; each row is claimed before its mail goes, never retried.
 * Recipients: the order's group's e-mail; else the callback notice address of
 * the settings; else the site admin. NoticeQueue does the sending; this class
 * says what an order's notice holds.
 */
final class CallbackNotifier implements NoticeLetter
{
	private readonly string $callbacks;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->callbacks = Tables::name($wpdb, Tables::CALLBACKS);
	}

	/** Sends a few pending notices once this request has sent its answer. */
	public static function afterResponse(): void
	{
		NoticeQueue::afterResponse(self::class, static function (): void {
			global $wpdb;
			(new self($wpdb))->sendPending(5);
		});
	}

	/** The notices' cron job (leadtrail_send_notifications): pending notices, then expired captchas. */
	public function cron(): void
	{
		$this->sendPending(50);
		(new CaptchaRecorder($this->wpdb))->prune(Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now());
	}

	/**
	 * @param string $configured the settings' callback notice address, "" for none
	 * @return list<string>
	 */
	public static function recipientsOf(?EmployeeGroup $group, string $configured, string $adminEmail): array
	{
		foreach ([$group !== null ? $group->email : '', $configured, $adminEmail] as $email) {
			if ($email !== '') {
				return [$email];
			}
		}
		return [];
	}

	/** @return int how many notices were sent */
	public function sendPending(int $limit): int
	{
		return (new NoticeQueue(new NoticeTable($this->wpdb, $this->callbacks), $this))->sendPending($limit);
	}

	/** The order's group's address, else the settings' callback address, else the site admin's. */
	public function recipients(array $row): array
	{
		return self::recipientsOf(
			self::group($row),
			(string) get_option(Options::CALLBACK_NOTIFY_EMAIL, ''),
			(string) get_option('admin_email', '')
		);
	}

	public function subject(array $row): string
	{
		return sprintf(
			/* translators: 1: site title, 2: the phone number to call */
			__('[%1$s] Callback order: %2$s', 'leadtrail'),
			NoticeMail::headerText(wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES), 60),
			NoticeMail::headerText((string) $row['phone'], 64)
		);
	}

	/** The queue's link first, then one line per field: nothing the visitor sent adds a line. */
	public function body(array $row): string
	{
		$lines = [
			NoticeMail::line(sprintf(
				/* translators: %s: site title */
				__('A visitor of %s asked to be called back.', 'leadtrail'),
				wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES)
			)),
			__('The callback queue in wp-admin:', 'leadtrail') . ' ' . admin_url('admin.php?page=' . CallbacksPage::SLUG),
			'',
			NoticeMail::field(__('Phone', 'leadtrail'), (string) $row['phone']),
			NoticeMail::field(__('Call at', 'leadtrail'), CallbacksPage::localTime((string) $row['call_at'])
				. ($row['is_delayed'] === '1' ? '' : ' (' . __('as soon as possible', 'leadtrail') . ')')),
		];
		$group = NoticeMail::groupLabel($row['group_id'], self::group($row));
		if ($group !== null) {
			$lines[] = NoticeMail::field(__('Group', 'leadtrail'), $group);
		}
		if ($row['page_url'] !== '') {
			$lines[] = NoticeMail::field(__('Page', 'leadtrail'), (string) $row['page_url']);
		}
		$lines[] = NoticeMail::field(__('Visitor ID', 'leadtrail'), (string) $row['visitor_id']);
		return implode("\n", $lines);
	}

	/** None: wp_mail() defaults. */
	public function headers(array $row): array
	{
		return [];
	}

	/**
	 * The group the order was assigned to, read again for each notice.
	 *
	 * @param array<string, string|null> $row
	 */
	private static function group(array $row): ?EmployeeGroup
	{
		return $row['group_id'] === null ? null
			: EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'))->find((int) $row['group_id']);
	}
}
