<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Admin\AdminTime;
use LeadTrail\Admin\CallsPage;
use LeadTrail\Leads\NoticeMail;
use LeadTrail\Mail\NoticeLetter;
use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Mail\NoticeTable;
use LeadTrail\Storage\Tables;

/**
 * The optional e-mail notice of a missed call (setting "E-mail missed calls"), sent
 * as the requests' and callback orders' notices are: a missed call recorded while
 * the setting is on waits as notify_state "pending" until the notices' cron job or
 * the end of the request that recorded it, and is claimed before its mail goes.
 */
final class MissedCallNotifier implements NoticeLetter
{
	private readonly string $calls;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->calls = Tables::name($wpdb, Tables::PHONE_CALLS);
	}

	public static function afterResponse(): void
	{
		NoticeQueue::afterResponse(self::class, static function (): void {
			global $wpdb;
			(new self($wpdb))->sendPending(5);
		});
	}

	/** @return int how many notices were sent */
	public function sendPending(int $limit): int
	{
		return (new NoticeQueue(new NoticeTable($this->wpdb, $this->calls), $this))->sendPending($limit);
	}

	/** The settings' missed-call address, else the site admin's. */
	public function recipients(array $row): array
	{
		$configured = (string) get_option(CallOptions::NOTIFY_EMAIL, '');
		$email = $configured !== '' ? $configured : (string) get_option('admin_email', '');
		return $email === '' ? [] : [$email];
	}

	public function subject(array $row): string
	{
		return sprintf(
			/* translators: 1: site title, 2: the caller's number */
			__('[%1$s] Missed call from +%2$s', 'leadtrail'),
			NoticeMail::headerText(wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES), 60),
			NoticeMail::headerText((string) $row['caller'], 16)
		);
	}

	public function body(array $row): string
	{
		$lines = [
			NoticeMail::line(__('A call to your site\'s number was not answered.', 'leadtrail')),
			__('The calls in wp-admin:', 'leadtrail') . ' ' . admin_url('admin.php?page=' . CallsPage::SLUG),
			'',
			NoticeMail::field(__('Caller', 'leadtrail'), '+' . (string) $row['caller']),
			NoticeMail::field(__('Number called', 'leadtrail'), '+' . (string) $row['called']),
			NoticeMail::field(__('Time', 'leadtrail'), AdminTime::local((string) $row['started_at'])),
		];
		if ($row['source'] !== '') {
			$lines[] = NoticeMail::field(__('Source', 'leadtrail'), (string) $row['source']);
		}
		if ($row['visitor_id'] !== '0') {
			$lines[] = NoticeMail::field(__('Visitor ID', 'leadtrail'), (string) $row['visitor_id']);
		}
		return implode("\n", $lines);
	}

	/** None: wp_mail() defaults. */
	public function headers(array $row): array
	{
		return [];
	}
}
