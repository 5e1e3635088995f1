<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Leads\EmployeeGroup;
use LeadTrail\Leads\NoticeMail;
use PHPUnit\Framework\TestCase;

final class NoticeMailTest extends TestCase
{
	public function testSendsToTheAdminAndTheGroupOnce(): void
	{
		$group = new EmployeeGroup(5, 'Sales', 'sales@example.com');

		self::assertSame(['admin@example.com', 'sales@example.com'], NoticeMail::recipients(true, 'admin@example.com', $group));
		self::assertSame(['sales@example.com'], NoticeMail::recipients(false, 'admin@example.com', $group));
		self::assertSame(['Admin@Example.com'], NoticeMail::recipients(true, 'Admin@Example.com', new EmployeeGroup(5, 'S', 'admin@example.com')));
		self::assertSame([], NoticeMail::recipients(false, 'admin@example.com', null));
		self::assertSame([], NoticeMail::recipients(false, 'admin@example.com', new EmployeeGroup(5, 'S', '')));
	}

	public function testKeepsLineBreaksOutOfHeaders(): void
	{
		self::assertSame('Spam Bcc: victim@example.com', NoticeMail::headerText("Spam\r\nBcc: victim@example.com"));
		self::assertSame('', NoticeMail::headerText("\xFF"));
		self::assertSame(str_repeat('a', 9) . '…', NoticeMail::headerText(str_repeat('a', 20), 10));
	}

	public function testTitlesARequestByItsFormOrSender(): void
	{
		self::assertSame('Заказ', NoticeMail::title('Заказ', 'Дмитрий', null, null, 1));
		self::assertSame('Дмитрий', NoticeMail::title(null, 'Дмитрий', 'd@x.ru', null, 1));
		self::assertSame('79123456789', NoticeMail::title(null, " \n ", null, '79123456789', 1));
		self::assertSame('#42', NoticeMail::title(null, null, null, null, 42));
	}

	public function testRepliesOnlyToAPlainAddress(): void
	{
		self::assertSame('Reply-To: dmitry@comagic.ru', NoticeMail::replyTo(' dmitry@comagic.ru '));
		self::assertNull(NoticeMail::replyTo("a@b.ru\r\nBcc: x@y.ru"));
		self::assertNull(NoticeMail::replyTo('иван@почта.рф'));
		self::assertNull(NoticeMail::replyTo(null));
	}

	public function testGroupLabel(): void
	{
		self::assertNull(NoticeMail::groupLabel(null, null));
		self::assertSame('#7', NoticeMail::groupLabel('7', null));
		self::assertSame('Sales (7)', NoticeMail::groupLabel('7', new EmployeeGroup(7, 'Sales', 'sales@example.com')));
	}
}
