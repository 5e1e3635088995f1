<?php

declare(strict_types=1);

namespace LeadTrail\Mail;

/**
 * Sends the pending e-mail notices of one table (docs/contracts.md, "E-mail
 * notices"), shared by the requests' and the callback orders' notifiers.
 * A row goes pending → sending (claimed before its mail, so one process sends
 * it) → sent, failed or none (no recipient); a failed mail is recorded, never
 * retried, and an error while writing it counts as a failure. With a digest,
 * a row beyond the minute's single mails goes pending → sending → digest, and
 * later → sending → sent or failed with the others in one mail (NoticeDigest).
 */
final class NoticeQueue
{
	public const PENDING = 'pending';
	public const SENDING = 'sending';
	public const SENT = 'sent';
	public const FAILED = 'failed';
	public const NONE = 'none';
	public const DIGEST = 'digest';

	/** @var \Closure(list<string>, string, string, list<string>): bool */
	private readonly \Closure $mail;

	/**
	 * @param (\Closure(list<string>, string, string, list<string>): bool)|null $mail   wp_mail() unless given
	 * @param NoticeDigest|null                                                 $digest null: every row its own mail
	 */
	public function __construct(
		private readonly NoticeStore $store,
		private readonly NoticeLetter $letter,
		?\Closure $mail = null,
		private readonly ?NoticeDigest $digest = null,
	) {
		$this->mail = $mail ?? static fn (array $to, string $subject, string $body, array $headers): bool
			=> (bool) wp_mail($to, $subject, $body, $headers);
	}

	/**
	 * Runs $send once this request has sent its answer, at most once per $queue,
	 * however many times a request asks.
	 */
	public static function afterResponse(string $queue, \Closure $send): void
	{
		static $hooked = [];
		if (isset($hooked[$queue])) {
			return;
		}
		$hooked[$queue] = true;
		add_action('shutdown', $send);
	}

	/**
	 * @param int|null $now unix seconds (the site's clock), time() unless given
	 * @return int how many mails were sent (a digest counts as one)
	 */
	public function sendPending(int $limit, ?int $now = null): int
	{
		$now ??= time();
		$sent = 0;
		foreach ($this->store->pending($limit) as $id) {
			$sent += $this->sendOne($id, $now) ? 1 : 0;
		}
		if ($this->digest !== null) {
			$sent += $this->digest->sendDue($this->store, $this->mail, $now);
		}
		return $sent;
	}

	private function sendOne(int $id, int $now): bool
	{
		if (!$this->store->claim($id, gmdate('Y-m-d H:i:s', $now))) {
			return false;
		}
		$row = $this->store->row($id);
		if ($row === null) {
			return false;
		}
		$recipients = $this->letter->recipients($row);
		if ($recipients !== [] && $this->digest !== null && !$this->digest->mayMailOne($now)) {
			// Waits for the digest from now on (notified_at is the claim's time).
			$this->store->finish($id, self::DIGEST);
			return false;
		}
		$state = self::NONE;
		if ($recipients !== []) {
			try {
				$sent = ($this->mail)(
					$recipients,
					$this->letter->subject($row),
					$this->letter->body($row),
					$this->letter->headers($row)
				);
				$state = $sent ? self::SENT : self::FAILED;
			} catch (\Throwable $error) {
				$state = self::FAILED;
			}
		}
		$this->store->finish($id, $state);
		return $state === self::SENT;
	}
}
