<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Mail;

use LeadTrail\Mail\NoticeDigest;
use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Mail\NoticeStore;
use LeadTrail\Tests\Support\FixedLetter;
use LeadTrail\Tests\Support\MemoryNoticeStore;
use PHPUnit\Framework\TestCase;

final class NoticeQueueTest extends TestCase
{
	public function testBeyondTheMinutesSingleMailsTheRowsWaitAndGoAsOneDigest(): void
	{
		$store = new MemoryNoticeStore(array_fill(1, 12, 'pending'));
		$mails = [];
		$mail = static function (array $to, string $subject, string $body) use (&$mails): bool {
			$mails[] = $subject . ': ' . $body;
			return true;
		};
		$places = 3;
		$queue = new NoticeQueue($store, new FixedLetter(['a@example.com']), $mail, new NoticeDigest(
			new FixedLetter(['a@example.com']),
			static function () use (&$places): bool {
				return $places-- > 0;
			},
		));
		$now = 1_700_000_000;

		self::assertSame(3, $queue->sendPending(50, $now));
		self::assertSame(['subject 1: body 1', 'subject 2: body 2', 'subject 3: body 3'], $mails);
		self::assertSame(array_fill(4, 9, 'digest'), array_slice($store->states, 3, null, true));

		// Not yet: the first waiting row has waited less than a minute.
		self::assertSame(0, $queue->sendPending(50, $now + NoticeDigest::DELAY - 1));
		self::assertSame(1, $queue->sendPending(50, $now + NoticeDigest::DELAY));
		self::assertSame('9 rows: rows 4,5,6,7,8,9,10,11,12', $mails[3]);
		self::assertSame(array_fill(1, 12, 'sent'), $store->states);
		self::assertSame(0, $queue->sendPending(50, $now + 3600));
		self::assertCount(4, $mails);
	}

	public function testAFailedDigestMarksItsRowsFailedAndARowWithNoOneToNotifyNeedsNoPlace(): void
	{
		$store = new MemoryNoticeStore([1 => 'pending', 2 => 'pending']);
		$queue = new NoticeQueue($store, new FixedLetter(['a@example.com']), static fn (): bool => false, new NoticeDigest(
			new FixedLetter(['a@example.com']),
			static fn (): bool => false,
		));

		$queue->sendPending(50, 1_700_000_000);
		$queue->sendPending(50, 1_700_000_060);
		self::assertSame([1 => 'failed', 2 => 'failed'], $store->states);

		$nobody = new MemoryNoticeStore([1 => 'pending']);
		$queue = new NoticeQueue($nobody, new FixedLetter([]), static fn (): bool => true, new NoticeDigest(
			new FixedLetter([]),
			static function (): bool {
				throw new \LogicException('no place is needed for a row with no recipient');
			},
		));
		$queue->sendPending(50, 1_700_000_000);
		self::assertSame([1 => 'none'], $nobody->states);
	}

	public function testSendsThePendingRowsOldestFirstUpToTheLimit(): void
	{
		$store = new MemoryNoticeStore([1 => 'pending', 2 => 'sent', 3 => 'pending', 4 => 'pending']);
		$mails = [];
		$queue = new NoticeQueue($store, new FixedLetter(['a@example.com']), static function (array $to, string $subject, string $body, array $headers) use (&$mails): bool {
			$mails[] = [$to, $subject, $body, $headers];
			return true;
		});

		self::assertSame(2, $queue->sendPending(2));
		self::assertSame([1 => 'sent', 2 => 'sent', 3 => 'sent', 4 => 'pending'], $store->states);
		self::assertSame([
			[['a@example.com'], 'subject 1', 'body 1', ['X-Row: 1']],
			[['a@example.com'], 'subject 3', 'body 3', ['X-Row: 3']],
		], $mails);
		self::assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/', $store->claimedAt[1]);
	}

	public function testRecordsFailedMailsAndThrowingLettersAsFailedWithoutRetrying(): void
	{
		$store = new MemoryNoticeStore([1 => 'pending', 2 => 'pending']);
		$calls = 0;
		$queue = new NoticeQueue($store, new FixedLetter(['a@example.com'], throwFor: 2), static function () use (&$calls): bool {
			$calls++;
			return false;
		});

		self::assertSame(0, $queue->sendPending(10));
		self::assertSame([1 => 'failed', 2 => 'failed'], $store->states);
		self::assertSame(1, $calls);
		self::assertSame(0, $queue->sendPending(10));
		self::assertSame(1, $calls);
	}

	public function testAMailerThatThrowsCountsAsFailed(): void
	{
		$store = new MemoryNoticeStore([7 => 'pending']);
		$queue = new NoticeQueue($store, new FixedLetter(['a@example.com']), static function (): bool {
			throw new \RuntimeException('SMTP down');
		});

		self::assertSame(0, $queue->sendPending(1));
		self::assertSame([7 => 'failed'], $store->states);
	}

	public function testNoRecipientsIsRecordedAsNoneAndNoMailGoes(): void
	{
		$store = new MemoryNoticeStore([1 => 'pending']);
		$queue = new NoticeQueue($store, new FixedLetter([]), static function (): bool {
			self::fail('no mail without a recipient');
		});

		self::assertSame(0, $queue->sendPending(5));
		self::assertSame([1 => 'none'], $store->states);
	}

	public function testARowClaimedElsewhereOrGoneIsSkipped(): void
	{
		$store = new MemoryNoticeStore([1 => 'pending', 2 => 'pending']);
		$store->claimedElsewhere = [1];
		$store->gone = [2];
		$queue = new NoticeQueue($store, new FixedLetter(['a@example.com']), static function (): bool {
			self::fail('nothing to send');
		});

		self::assertSame(0, $queue->sendPending(5));
		self::assertSame([1 => 'sending', 2 => 'sending'], $store->states);
	}
}
