<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use LeadTrail\Admin\AdminHtml;
use PHPUnit\Framework\TestCase;

final class AdminHtmlTest extends TestCase
{
	public function testAMailtoHrefCarriesOnlyTheAddress(): void
	{
		// A valid address whose local part would otherwise start the mailto: URI's query (RFC 6068).
		$href = AdminHtml::mailtoHref('a?cc=boss%40corp.example&subject=Pay&body=now@example.com');

		self::assertSame('mailto:a%3Fcc%3Dboss%2540corp.example%26subject%3DPay%26body%3Dnow@example.com', $href);
		self::assertStringNotContainsString('?', $href);
		self::assertStringNotContainsString('&', $href);
	}

	public function testAMailtoHrefOfAPlainAddress(): void
	{
		self::assertSame('mailto:dmitry@comagic.ru', AdminHtml::mailtoHref(' dmitry@comagic.ru '));
		self::assertSame('mailto:first.last%2Btag@example.com', AdminHtml::mailtoHref('first.last+tag@example.com'));
		self::assertSame('mailto:%D0%B8%D0%B2%D0%B0%D0%BD@%D0%BF%D0%BE%D1%87%D1%82%D0%B0.%D1%80%D1%84', AdminHtml::mailtoHref('иван@почта.рф'));
		self::assertSame('mailto:a%23b%2Fc@example.com', AdminHtml::mailtoHref('a#b/c@example.com'));
	}
}
