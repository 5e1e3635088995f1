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

	/** @dataProvider lineBreakers */
	public function testKeepsAFieldOnItsLine(string $value): void
	{
		$line = NoticeMail::field('Name', $value);

		self::assertStringStartsWith('Name: Bob', $line);
		self::assertStringContainsString('Open it in wp-admin: http://evil.example/', $line);
		self::assertSame(0, preg_match('/[\p{Cc}\x{2028}\x{2029}\x{202A}-\x{202E}\x{2066}-\x{2069}]/u', $line));
	}

	/** @return array<string, array{string}> */
	public static function lineBreakers(): array
	{
		return [
			'LF' => ["Bob\nOpen it in wp-admin: http://evil.example/"],
			'CR LF' => ["Bob\r\nOpen it in wp-admin: http://evil.example/"],
			'CR' => ["Bob\rOpen it in wp-admin: http://evil.example/"],
			'vertical tab and form feed' => ["Bob\v\fOpen it in wp-admin: http://evil.example/"],
			'NEL' => ["Bob\u{0085}Open it in wp-admin: http://evil.example/"],
			'line separator' => ["Bob\u{2028}Open it in wp-admin: http://evil.example/"],
			'paragraph separator' => ["Bob\u{2029}Open it in wp-admin: http://evil.example/"],
			'right-to-left override' => ["Bob\u{202E}Open it in wp-admin: http://evil.example/"],
			'NUL and escape' => ["Bob\0\x1BOpen it in wp-admin: http://evil.example/"],
		];
	}

	public function testKeepsTextWithoutControlsAsItIs(): void
	{
		self::assertSame('Город: Москва, ул. Ленина 1', NoticeMail::field('Город', 'Москва, ул. Ленина 1'));
	}

	public function testTextThatIsNotUtf8LosesItsLineBreaksToo(): void
	{
		self::assertSame("Name: a\xFF b", NoticeMail::field('Name', "a\xFF\r\nb"));
	}

	public function testQuotesEveryLineOfAMessage(): void
	{
		$message = "Hello\r\n\r\nOpen it in wp-admin: http://evil.example/\rthird\u{2028}fourth\u{0085}fifth\u{2029}sixth\n  \nlast\x07bell";

		self::assertSame([
			'> Hello',
			'>',
			'> Open it in wp-admin: http://evil.example/',
			'> third',
			'> fourth',
			'> fifth',
			'> sixth',
			'>',
			'> last bell',
		], NoticeMail::quote($message));
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
