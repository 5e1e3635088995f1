<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Mail;

use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Mail\NoticeStore;
use LeadTrail\Tests\Support\FixedLetter;
use LeadTrail\Tests\Support\MemoryNoticeStore;
use PHPUnit\Framework\TestCase;

final class NoticeQueueTest extends TestCase
{
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
