<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Admin\CallbacksPage;
use LeadTrail\Captcha\CaptchaRecorder;
use LeadTrail\Identity\Clock;
use LeadTrail\Leads\EmployeeGroup;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\NoticeMail;
use LeadTrail\Options;
use LeadTrail\Storage\Tables;

/**
 * The e-mail notice of each new callback order, sent as the requests' notices are
 * (docs/contracts.md, "E-mail notices"): orders wait as notify_state "pending"
 * until the notices' cron job, the end of the REST request that took them, or a
 * wp-admin page load; each row is claimed before its mail goes, never retried.
 * Recipients: the order's group's e-mail; else the callback notice address of
 * the settings; else the site admin.
 */
final class CallbackNotifier
{
	private readonly string $callbacks;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->callbacks = Tables::name($wpdb, Tables::CALLBACKS);
	}

	/** Sends a few pending notices once this request has sent its answer. */
	public static function afterResponse(): void
	{
		static $hooked = false;
		if ($hooked) {
			return;
		}
		$hooked = true;
		add_action('shutdown', static function (): void {
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
	public static function recipients(?EmployeeGroup $group, string $configured, string $adminEmail): array
	{
		foreach ([$group?->email ?? '', $configured, $adminEmail] as $email) {
			if ($email !== '') {
				return [$email];
			}
		}
		return [];
	}

	/** @return int how many notices were sent */
	public function sendPending(int $limit): int
	{
		$ids = $this->wpdb->get_col($this->wpdb->prepare(
			"SELECT id FROM {$this->callbacks} WHERE notify_state = %s ORDER BY id LIMIT %d",
			NewCallback::NOTIFY_PENDING,
			$limit
		));
		$sent = 0;
		foreach (is_array($ids) ? $ids : [] as $id) {
			$sent += $this->sendOne((int) $id) ? 1 : 0;
		}
		return $sent;
	}

	private function sendOne(int $id): bool
	{
		$claimed = $this->wpdb->query($this->wpdb->prepare(
			"UPDATE {$this->callbacks} SET notify_state = 'sending', notified_at = %s WHERE id = %d AND notify_state = %s",
			gmdate('Y-m-d H:i:s'),
			$id,
			NewCallback::NOTIFY_PENDING
		));
		if ($claimed !== 1) {
			return false;
		}
		$row = $this->wpdb->get_row($this->wpdb->prepare("SELECT * FROM {$this->callbacks} WHERE id = %d", $id), ARRAY_A);
		if (!is_array($row)) {
			return false;
		}

		$groups = EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'));
		$group = $row['group_id'] === null ? null : $groups->find((int) $row['group_id']);
		$recipients = self::recipients(
			$group,
			(string) get_option(Options::CALLBACK_NOTIFY_EMAIL, ''),
			(string) get_option('admin_email', '')
		);

		$state = 'none';
		if ($recipients !== []) {
			try {
				$state = wp_mail($recipients, $this->subject($row), $this->body($row, $group)) ? 'sent' : 'failed';
			} catch (\Throwable $error) {
				$state = 'failed';
			}
		}
		$this->wpdb->query($this->wpdb->prepare("UPDATE {$this->callbacks} SET notify_state = %s WHERE id = %d", $state, $id));
		return $state === 'sent';
	}

	/** @param array<string, string|null> $row */
	private function subject(array $row): string
	{
		return sprintf(
			/* translators: 1: site title, 2: the phone number to call */
			__('[%1$s] Callback order: %2$s', 'leadtrail'),
			NoticeMail::headerText(wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES), 60),
			NoticeMail::headerText((string) $row['phone'], 64)
		);
	}

	/** @param array<string, string|null> $row */
	private function body(array $row, ?EmployeeGroup $group): string
	{
		$lines = [
			sprintf(
				/* translators: %s: site title */
				__('A visitor of %s asked to be called back.', 'leadtrail'),
				wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES)
			),
			'',
			__('Phone', 'leadtrail') . ': ' . $row['phone'],
			__('Call at', 'leadtrail') . ': ' . CallbacksPage::localTime((string) $row['call_at'])
				. ($row['is_delayed'] === '1' ? '' : ' (' . __('as soon as possible', 'leadtrail') . ')'),
		];
		if ($row['group_id'] !== null) {
			$lines[] = __('Group', 'leadtrail') . ': ' . ($group === null ? '#' . $row['group_id'] : $group->name . ' (' . $group->id . ')');
		}
		if ($row['page_url'] !== '') {
			$lines[] = __('Page', 'leadtrail') . ': ' . $row['page_url'];
		}
		$lines[] = __('Visitor ID', 'leadtrail') . ': ' . $row['visitor_id'];
		$lines[] = '';
		$lines[] = __('The callback queue in wp-admin:', 'leadtrail') . ' ' . admin_url('admin.php?page=' . CallbacksPage::SLUG);
		return implode("\n", $lines);
	}
}
