<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Admin\RequestPage;
use LeadTrail\Identity\Clock;
use LeadTrail\Mail\DigestLetter;
use LeadTrail\Mail\NoticeBudget;
use LeadTrail\Mail\NoticeDigest;
use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Mail\NoticeTable;
use LeadTrail\Options;
use LeadTrail\Support\CronSchedule;

/**
 * Sends the e-mail notices of new requests with wp_mail(), in a full WordPress
 * load only: collect.php has no wp_mail, so leads wait as notify_state =
 * "pending" until the cron job, the end of the REST request that recorded them,
 * or a wp-admin page load sends them (docs/contracts.md, "E-mail notices").
 * A notice is sent once: its row is claimed before the mail goes; a failed
 * mail is recorded, never retried, and never touches the lead. NoticeQueue
 * does the sending, NoticeDigest batches a flood's notices; this class says what
 * a request's notice and a digest of requests hold.
 */
final class Notifier implements DigestLetter
{
	public const HOOK = 'leadtrail_send_notifications';
	public const SCHEDULE = 'leadtrail_five_minutes';
	/** How many notices one cron run sends; the rest wait for the next. */
	public const CRON_BATCH = 50;
	/** How many an admin page load or a REST request sends, to keep it quick. */
	public const INLINE_BATCH = 5;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function schedules(array $schedules): array
	{
		return CronSchedule::add($schedules, self::SCHEDULE, 5 * MINUTE_IN_SECONDS, static fn (): string => __('Every 5 minutes (LeadTrail notices)', 'leadtrail'));
	}

	public static function ensureScheduled(): void
	{
		CronSchedule::ensure(self::HOOK, self::SCHEDULE);
	}

	public static function unschedule(): void
	{
		wp_clear_scheduled_hook(self::HOOK);
	}

	/** Sends a few pending notices once this request has sent its answer. */
	public static function afterResponse(): void
	{
		NoticeQueue::afterResponse(self::class, static function (): void {
			global $wpdb;
			(new self($wpdb))->sendPending(self::INLINE_BATCH);
		});
	}

	/** The cron job: the pending notices, then the expired claims and rate counts. */
	public function cron(): void
	{
		$this->sendPending(self::CRON_BATCH);
		$this->prune();
	}

	/** @return int how many notices were sent */
	public function sendPending(int $limit): int
	{
		$digest = new NoticeDigest($this, (new NoticeBudget($this->wpdb, $this->wpdb->leadtrail_requests))->taker());
		return (new NoticeQueue(new NoticeTable($this->wpdb, $this->wpdb->leadtrail_requests), $this, null, $digest))->sendPending($limit, self::now());
	}

	public function prune(): void
	{
		$wpdb = $this->wpdb;
		$now = self::now();
		$wpdb->query($wpdb->prepare(
			"DELETE FROM {$wpdb->leadtrail_request_claims} WHERE created_at < %d",
			$now - Fingerprint::WINDOW
		));
		$wpdb->query($wpdb->prepare(
			"DELETE FROM {$wpdb->leadtrail_rate_limits} WHERE window_start < %d",
			$now - 2 * RateLimit::WINDOW
		));
	}

	/** The site admin (when the setting is on) and the request's group, each once. */
	public function recipients(array $row): array
	{
		return NoticeMail::recipients(
			(string) get_option(Options::NOTIFY_ADMIN, '1') !== '0',
			(string) get_option('admin_email', ''),
			self::group($row)
		);
	}

	public function subject(array $row): string
	{
		return sprintf(
			/* translators: 1: site title, 2: the request's form name, or the visitor's name, e-mail or phone */
			__('[%1$s] New request: %2$s', 'leadtrail'),
			NoticeMail::headerText(wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES), 60),
			NoticeMail::title($row['form_name'], $row['name'], $row['email'], $row['phone'], (int) $row['id'])
		);
	}

	/**
	 * The wp-admin link first, then one line per field and the message quoted: what a
	 * visitor wrote can never add a line that reads as the notice's own.
	 */
	public function body(array $row): string
	{
		$lines = [
			NoticeMail::line(sprintf(
				/* translators: %s: site title */
				__('A new request was sent on %s.', 'leadtrail'),
				wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES)
			)),
			__('Open it in wp-admin:', 'leadtrail') . ' ' . RequestPage::url((int) $row['id']),
			'',
		];
		$fields = [
			__('Form', 'leadtrail') => $row['form_name'],
			__('Name', 'leadtrail') => $row['name'],
			__('E-mail', 'leadtrail') => $row['email'],
			__('Phone', 'leadtrail') => $row['phone'],
			__('Sale', 'leadtrail') => $row['is_sale'] === '1'
				? ($row['sale_cost'] === null ? __('yes', 'leadtrail') : sprintf(
					/* translators: %s: the deal amount */
					__('yes, %s', 'leadtrail'),
					$row['sale_cost']
				))
				: null,
			__('Group', 'leadtrail') => NoticeMail::groupLabel($row['group_id'], self::group($row)),
			__('Page', 'leadtrail') => $row['page_url'] === '' ? null : $row['page_url'],
			__('Visitor ID', 'leadtrail') => NoVisitor::is($row['visitor_id']) ? NoVisitor::label() : $row['visitor_id'],
		];
		foreach ($fields as $label => $value) {
			if ($value !== null && $value !== '') {
				$lines[] = NoticeMail::field($label, $value);
			}
		}
		if ($row['message'] !== null) {
			$lines[] = '';
			$lines[] = __('Message:', 'leadtrail');
			array_push($lines, ...NoticeMail::quote($row['message']));
		}
		$extra = UserFields::fromJson($row['user_fields']);
		if ($extra !== []) {
			$lines[] = '';
			$lines[] = __('Other fields:', 'leadtrail');
			foreach ($extra as $name => $value) {
				$lines[] = NoticeMail::field('  ' . NoticeMail::line($name), $value);
			}
		}
		return implode("\n", $lines);
	}

	public function digestSubject(array $rows): string
	{
		return sprintf(
			/* translators: 1: site title, 2: how many requests the digest lists */
			_n('[%1$s] %2$d new request', '[%1$s] %2$d new requests', count($rows), 'leadtrail'),
			NoticeMail::headerText(wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES), 60),
			count($rows)
		);
	}

	/**
	 * Each request in a few single lines, visitor text made one line as in a subject
	 * (NoticeMail::headerText), and its link: the message and other fields are on its page.
	 */
	public function digestBody(array $rows): string
	{
		$lines = [
			sprintf(
				/* translators: 1: how many requests, 2: site title, 3: notices a minute */
				_n(
					'%1$d new request was sent on %2$s. Beyond %3$d notices a minute, they come together in one e-mail.',
					'%1$d new requests were sent on %2$s. Beyond %3$d notices a minute, they come together in one e-mail.',
					count($rows),
					'leadtrail'
				),
				count($rows),
				wp_specialchars_decode((string) get_option('blogname'), ENT_QUOTES),
				NoticeDigest::PER_MINUTE
			),
			__('All requests in wp-admin:', 'leadtrail') . ' ' . admin_url('admin.php?page=leadtrail-requests'),
		];
		foreach ($rows as $row) {
			$lines[] = '';
			$lines[] = NoticeMail::title($row['form_name'], $row['name'], $row['email'], $row['phone'], (int) $row['id']);
			$fields = [
				__('Name', 'leadtrail') => $row['name'],
				__('E-mail', 'leadtrail') => $row['email'],
				__('Phone', 'leadtrail') => $row['phone'],
			];
			foreach ($fields as $label => $value) {
				$line = $value === null ? '' : NoticeMail::headerText($value, 200);
				if ($line !== '') {
					$lines[] = '  ' . $label . ': ' . $line;
				}
			}
			$lines[] = '  ' . __('Open it in wp-admin:', 'leadtrail') . ' ' . RequestPage::url((int) $row['id']);
		}
		return implode("\n", $lines);
	}

	/** A Reply-To for the visitor's address, when it is a plain one. */
	public function headers(array $row): array
	{
		$replyTo = NoticeMail::replyTo($row['email']);
		return $replyTo === null ? [] : [$replyTo];
	}

	/**
	 * The group the request was assigned to, read again for each notice.
	 *
	 * @param array<string, string|null> $row
	 */
	private static function group(array $row): ?EmployeeGroup
	{
		return $row['group_id'] === null ? null
			: EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'))->find((int) $row['group_id']);
	}

	private static function now(): int
	{
		return Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
	}
}
