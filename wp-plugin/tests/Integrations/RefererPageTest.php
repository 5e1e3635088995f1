<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Integrations;

use LeadTrail\Integrations\RefererPage;
use PHPUnit\Framework\TestCase;

final class RefererPageTest extends TestCase
{
	private const HOME = 'http://shop.example:8080/';

	public function testAPageOfThisSiteIsKept(): void
	{
		self::assertSame('http://shop.example:8080/contacts/?utm_source=x#form', RefererPage::of('http://shop.example:8080/contacts/?utm_source=x#form', self::HOME));
		self::assertSame('https://SHOP.example:8080/', RefererPage::of('https://SHOP.example:8080/', self::HOME));
		self::assertSame('https://shop.example/a', RefererPage::of('https://shop.example/a', 'https://shop.example'));
	}

	public function testAnythingElseIsNoPage(): void
	{
		foreach ([
			null,
			'',
			['http://shop.example:8080/'],
			'http://shop.example/contacts',
			'http://shop.example:8081/contacts',
			'http://evil.example:8080/contacts',
			'http://shop.example.evil.example:8080/',
			'javascript://shop.example:8080/%0aalert(1)',
			'/contacts',
			"http://shop.example:8080/a b",
			"http://shop.example:8080/\n",
			'http://shop.example:8080/' . str_repeat('a', 2048),
		] as $referer) {
			self::assertNull(RefererPage::of($referer, self::HOME), var_export($referer, true));
		}
	}
}
