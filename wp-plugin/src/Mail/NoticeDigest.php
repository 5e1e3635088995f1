<?php

declare(strict_types=1);

namespace LeadTrail\Mail;

/**
 * Keeps a flood of notices from flooding the inbox (docs/contracts.md, "E-mail
 * notices"): a notice mail per row up to PER_MINUTE a minute (the budget); a row
 * beyond it waits as "digest", and once the oldest waiting row has waited DELAY
 * seconds, one mail per set of recipients lists them all. Only mails are batched:
 * every row was recorded before its notice was considered.
 */
final class NoticeDigest
{
	/** Notice mails of single rows in any minute, then the rest go in a digest. */
	public const PER_MINUTE = 3;
	/** How long the first waiting row waits, so that a burst ends up in one digest. */
	public const DELAY = 60;
	/** Rows in one digest mail; more wait for the next. */
	public const MAX_ROWS = 200;

	/**
	 * @param \Closure(int): bool $budget takes one single-row mail's place in the minute of
	 *                                    unix second $now; false when the minute's are used up
	 */
	public function __construct(
		public readonly DigestLetter $letter,
		private readonly \Closure $budget,
	) {
	}

	/** Whether a row claimed at $now may have its own mail. */
	public function mayMailOne(int $now): bool
	{
		return ($this->budget)($now);
	}

	/**
	 * Sends the digest when it is due: claims the waiting rows one by one (a concurrent
	 * run takes the others), mails each set of recipients once, records each row's end.
	 *
	 * @param \Closure(list<string>, string, string, list<string>): bool $mail
	 * @return int how many digest mails were sent
	 */
	public function sendDue(NoticeStore $store, \Closure $mail, int $now): int
	{
		$waiting = $store->deferred(self::MAX_ROWS);
		if ($waiting === [] || min($waiting) > $now - self::DELAY) {
			return 0;
		}

		$groups = [];
		foreach (array_keys($waiting) as $id) {
			if (!$store->claim($id, gmdate('Y-m-d H:i:s', $now), NoticeQueue::DIGEST)) {
				continue;
			}
			$row = $store->row($id);
			if ($row === null) {
				continue;
			}
			$recipients = $this->letter->recipients($row);
			if ($recipients === []) {
				$store->finish($id, NoticeQueue::NONE);
				continue;
			}
			$key = implode("\n", $recipients);
			$groups[$key]['to'] = $recipients;
			$groups[$key]['rows'][$id] = $row;
		}

		$sent = 0;
		foreach ($groups as $group) {
			$rows = array_values($group['rows']);
			try {
				$ok = $mail($group['to'], $this->letter->digestSubject($rows), $this->letter->digestBody($rows), []);
			} catch (\Throwable $error) {
				$ok = false;
			}
			foreach (array_keys($group['rows']) as $id) {
				$store->finish($id, $ok ? NoticeQueue::SENT : NoticeQueue::FAILED);
			}
			$sent += $ok ? 1 : 0;
		}
		return $sent;
	}
}
