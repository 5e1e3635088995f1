<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Phones;

use LeadTrail\Phones\InvalidPhoneSettings;
use LeadTrail\Phones\NumberRule;
use LeadTrail\Phones\SessionOrigin;
use LeadTrail\Traffic\SourceDetector;
use PHPUnit\Framework\TestCase;

require_once dirname(__DIR__) . '/Support/Translations.php';

final class NumberRuleTest extends TestCase
{
	/** @dataProvider matching */
	public function testEachConditionMatchesItsSessionsOnly(string $kind, string $value, SessionOrigin $yes, SessionOrigin $no): void
	{
		$rule = NumberRule::parse($kind, $value, 'Rule 1, condition');

		self::assertTrue($rule->matches($yes));
		self::assertFalse($rule->matches($no));
	}

	/** @return array<string, array{string, string, SessionOrigin, SessionOrigin}> */
	public static function matching(): array
	{
		$direct = self::origin(SourceDetector::DIRECT_SOURCE, SourceDetector::DIRECT_MEDIUM);
		return [
			'utm_source, any case' => ['utm_source', 'Google', self::origin('google', 'cpc'), self::origin('yandex', 'cpc')],
			'utm_medium' => ['utm_medium', 'cpc', self::origin('google', 'cpc'), self::origin('google', 'email')],
			'utm_campaign' => ['utm_campaign', 'spring', self::origin('google', 'cpc', 'spring'), self::origin('google', 'cpc', 'autumn')],
			'organic from one engine' => ['organic', 'Yandex', self::origin('yandex.ru', 'organic'), self::origin('google.com', 'organic')],
			'organic from any engine' => ['organic', '', self::origin('bing.com', 'organic'), self::origin('news.example', 'referral')],
			'referrer domain and its subdomains' => ['referrer', 'https://www.partner.example/page', self::origin('blog.partner.example', 'referral', '', 'https://blog.partner.example/x'), self::origin('notpartner.example', 'referral', '', 'https://notpartner.example/')],
			'any paid click id' => ['click_id', '', self::origin('(direct)', '(none)', '', '', 'https://shop.example/?yclid=123'), $direct],
			'one paid click id' => ['click_id', 'gclid', self::origin('(direct)', '(none)', '', '', 'https://shop.example/?gclid=abc'), self::origin('(direct)', '(none)', '', '', 'https://shop.example/?fbclid=abc')],
			'one paid click id among others' => ['click_id', 'fbclid', self::origin('google', 'cpc', '', '', 'https://shop.example/?gclid=a&fbclid=b'), self::origin('google', 'cpc', '', '', 'https://shop.example/?gclid=a')],
			'no paid click id in a Yandex search marker' => ['click_id', '', self::origin('yandex', 'cpc', '', '', 'https://shop.example/?yclid=1'), self::origin('yandex', 'organic', '', '', 'https://shop.example/?ysclid=1')],
			'organic from Yandex by its search marker' => ['organic', 'yandex', self::origin('yandex', 'organic', '', '', 'https://shop.example/?ysclid=1'), self::origin('yandex', 'cpc', '', '', 'https://shop.example/?yclid=1')],
			'direct' => ['direct', '', $direct, self::origin('google.com', 'organic')],
		];
	}

	public function testAnyMatchesEverySession(): void
	{
		self::assertTrue(NumberRule::parse('any', 'ignored', 'Pool 1, condition')->matches(self::origin('x', 'y')));
	}

	/** @dataProvider refused */
	public function testBadConditionsAreRefusedNamingTheField(string $kind, string $value): void
	{
		try {
			NumberRule::parse($kind, $value, 'Rule 3, condition');
			self::fail('accepted');
		} catch (InvalidPhoneSettings $refused) {
			self::assertSame('Rule 3, condition', $refused->field);
			self::assertStringStartsWith('Rule 3, condition: ', $refused->getMessage());
		}
	}

	/** @return array<string, array{string, string}> */
	public static function refused(): array
	{
		return [
			'unknown kind' => ['utm_term', 'x'],
			'value missing' => ['utm_source', '  '],
			'unknown click id' => ['click_id', 'dclid'],
			'engine with a path' => ['organic', 'google.com/search'],
			'value too long' => ['utm_campaign', str_repeat('x', NumberRule::MAX_VALUE + 1)],
		];
	}

	public function testLabelsNameTheSource(): void
	{
		self::assertSame('utm_source = google', NumberRule::parse('utm_source', 'google', 'f')->label());
		self::assertSame('Organic search: Google', NumberRule::parse('organic', 'google', 'f')->label());
		self::assertSame('Referrer: partner.example', NumberRule::parse('referrer', 'www.partner.example', 'f')->label());
		self::assertSame('Paid click: gclid, yclid, fbclid, msclkid', NumberRule::parse('click_id', '', 'f')->label());
		self::assertSame('Direct', NumberRule::parse('direct', '', 'f')->label());
	}

	private static function origin(string $source, string $medium, string $campaign = '', string $referrer = '', string $landing = 'https://shop.example/'): SessionOrigin
	{
		return new SessionOrigin($source, $medium, $campaign, $referrer, $landing);
	}
}
