<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Traffic;

use LeadTrail\Traffic\SourceDetector;
use LeadTrail\Traffic\TrafficSource;
use PHPUnit\Framework\TestCase;

final class SourceDetectorTest extends TestCase
{
	public function testUtmTagsWinOverTheReferrer(): void
	{
		$source = self::detect('https://shop.example/?utm_source=newsletter&utm_medium=email&utm_campaign=may', 'https://www.google.com/');

		self::assertSame(['newsletter', 'email', 'may'], [$source->source, $source->medium, $source->campaign]);
		self::assertTrue($source->carriesSource);
		self::assertSame('newsletter', $source->utm->source);
	}

	public function testMissingUtmSourceOrMediumIsNotSet(): void
	{
		$source = self::detect('https://shop.example/?utm_campaign=may', '');

		self::assertSame([SourceDetector::NOT_SET, SourceDetector::NOT_SET, 'may'], [$source->source, $source->medium, $source->campaign]);
		self::assertTrue($source->carriesSource);
	}

	/** @dataProvider searchEngines */
	public function testSearchEnginesAreOrganic(string $referrer, string $host): void
	{
		$source = self::detect('https://shop.example/', $referrer);

		self::assertSame([$host, 'organic'], [$source->source, $source->medium]);
		self::assertTrue($source->carriesSource);
	}

	/** @return array<string, array{string, string}> */
	public static function searchEngines(): array
	{
		return [
			'google' => ['https://www.google.com/search?q=shoes', 'google.com'],
			'google country' => ['https://www.google.co.uk/', 'google.co.uk'],
			'google subdomain' => ['https://news.google.com/', 'news.google.com'],
			'yandex' => ['https://yandex.ru/search/?text=shoes', 'yandex.ru'],
			'bing' => ['https://www.bing.com/search?q=shoes', 'bing.com'],
			'duckduckgo' => ['https://duckduckgo.com/', 'duckduckgo.com'],
			'yahoo' => ['https://search.yahoo.com/search?p=shoes', 'search.yahoo.com'],
			'mail.ru' => ['https://go.mail.ru/search?q=shoes', 'go.mail.ru'],
		];
	}

	public function testOtherSitesAreReferrals(): void
	{
		$blog = self::detect('https://shop.example/', 'https://blog.example.org/post?id=1');
		$lookalike = self::detect('https://shop.example/', 'https://notgoogle.com/');

		self::assertSame(['blog.example.org', 'referral'], [$blog->source, $blog->medium]);
		self::assertSame(['notgoogle.com', 'referral'], [$lookalike->source, $lookalike->medium]);
	}

	/** @dataProvider internalReferrers */
	public function testInternalOrMissingReferrersAreDirect(string $url, string $referrer): void
	{
		$source = self::detect($url, $referrer);

		self::assertSame([SourceDetector::DIRECT_SOURCE, SourceDetector::DIRECT_MEDIUM], [$source->source, $source->medium]);
		self::assertFalse($source->carriesSource);
	}

	/** @return array<string, array{string, string}> */
	public static function internalReferrers(): array
	{
		return [
			'empty' => ['https://shop.example/a', ''],
			'same host' => ['https://shop.example/a', 'https://shop.example/'],
			'www and case' => ['https://shop.example/a', 'http://WWW.Shop.Example/b'],
			'page host differs from home' => ['https://alias.example/a', 'https://alias.example/'],
			'not a URL' => ['https://shop.example/a', 'about:blank'],
		];
	}

	/** @dataProvider clickIds */
	public function testClickIdsNameTheirNetworkWithoutUtmTags(string $url, string $referrer, string $source, string $medium, string $name, string $value): void
	{
		$detected = self::detect($url, $referrer);

		self::assertSame([$source, $medium, ''], [$detected->source, $detected->medium, $detected->campaign]);
		self::assertTrue($detected->carriesSource);
		self::assertSame([$name, $value], [$detected->clickId?->name, $detected->clickId?->value]);
	}

	/** @return array<string, array{string, string, string, string, string, string}> */
	public static function clickIds(): array
	{
		return [
			'Google Ads' => ['https://shop.example/?gclid=EAIaIQobChMI', 'https://www.google.com/', 'google', 'cpc', 'gclid', 'EAIaIQobChMI'],
			'Microsoft Advertising' => ['https://shop.example/?msclkid=5f2a', '', 'bing', 'cpc', 'msclkid', '5f2a'],
			'Yandex Direct' => ['https://shop.example/?yclid=123456', 'https://yandex.ru/', 'yandex', 'cpc', 'yclid', '123456'],
			'Facebook' => ['https://shop.example/?fbclid=IwAR0x', 'https://l.facebook.com/', 'facebook', 'social', 'fbclid', 'IwAR0x'],
			'Yandex search marker, no referrer' => ['https://shop.example/?ysclid=lqk1', '', 'yandex', 'organic', 'ysclid', 'lqk1'],
			'Yandex search marker with its referrer' => ['https://shop.example/?ysclid=lqk1', 'https://yandex.ru/search/', 'yandex.ru', 'organic', 'ysclid', 'lqk1'],
			'two of them: the paid one' => ['https://shop.example/?fbclid=f&gclid=g', '', 'google', 'cpc', 'gclid', 'g'],
		];
	}

	public function testUtmTagsWinOverAClickIdWhichIsStillKept(): void
	{
		$source = self::detect('https://shop.example/?utm_source=google&utm_medium=cpc&utm_campaign=spring&gclid=abc', 'https://www.google.com/');

		self::assertSame(['google', 'cpc', 'spring'], [$source->source, $source->medium, $source->campaign]);
		self::assertSame('gclid', $source->clickId?->name);
	}

	/** @dataProvider notClickIds */
	public function testEmptyOrMalformedClickIdsAreIgnored(string $url): void
	{
		$source = self::detect($url, '');

		self::assertSame([SourceDetector::DIRECT_SOURCE, null], [$source->source, $source->clickId]);
	}

	/** @return array<string, array{string}> */
	public static function notClickIds(): array
	{
		return [
			'empty' => ['https://shop.example/?gclid='],
			'blank' => ['https://shop.example/?gclid=%20'],
			'an array' => ['https://shop.example/?gclid[]=a'],
			'not UTF-8' => ['https://shop.example/?gclid=%FF'],
			'another parameter' => ['https://shop.example/?dclid=a'],
		];
	}

	public function testTheKeyIsEqualForEqualAttributionsOnly(): void
	{
		$spring = self::detect('https://shop.example/?utm_source=mail&utm_campaign=spring', '');
		$springAgain = self::detect('https://shop.example/other?utm_source=mail&utm_campaign=spring', '');
		$summer = self::detect('https://shop.example/?utm_source=mail&utm_campaign=summer', '');

		self::assertMatchesRegularExpression('/^[0-9a-f]{40}$/', $spring->key());
		self::assertSame($spring->key(), $springAgain->key());
		self::assertNotSame($spring->key(), $summer->key());
	}

	private static function detect(string $url, string $referrer): TrafficSource
	{
		return (new SourceDetector('https://www.shop.example/'))->detect($url, $referrer);
	}
}
