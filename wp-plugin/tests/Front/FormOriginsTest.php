<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Front;

use LeadTrail\Front\FormOrigins;
use PHPUnit\Framework\TestCase;

final class FormOriginsTest extends TestCase
{
	public function testWritesOriginsAsTheBrowserDoes(): void
	{
		self::assertSame(
			[['https://crm.example', 'http://10.0.0.5:8080', 'https://[::1]:8443', 'http://xn--80ak6aa92e.xn--p1ai'], null],
			FormOrigins::parse(" HTTPS://CRM.example/\nhttp://10.0.0.5:8080, https://crm.example:443 https://[::1]:8443\r\nhttp://xn--80ak6aa92e.xn--p1ai:80")
		);
		self::assertSame([[], null], FormOrigins::parse(" \n "));
	}

	/** @return array<string, array{string}> */
	public static function notOrigins(): array
	{
		return [
			'a path' => ['https://crm.example/leads'],
			'a query' => ['https://crm.example?x=1'],
			'no scheme' => ['crm.example'],
			'another scheme' => ['ftp://crm.example'],
			'credentials' => ['https://user@crm.example'],
			'a port out of range' => ['https://crm.example:70000'],
			'markup' => ['https://crm.example"><script>'],
			'a wildcard' => ['https://*.example'],
		];
	}

	/** @dataProvider notOrigins */
	public function testNamesTheFirstEntryThatIsNoOrigin(string $bad): void
	{
		self::assertSame([[], $bad], FormOrigins::parse("https://ok.example\n" . $bad));
	}

	public function testTheAttributeIsTheStoredListSpaceSeparated(): void
	{
		self::assertSame('https://a.example http://b.example:81', FormOrigins::attribute("https://a.example\nhttp://b.example:81"));
		self::assertSame('', FormOrigins::attribute(''));
	}
}
