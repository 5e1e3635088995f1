<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Ingest\HitRequest;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class HitRequestTest extends TestCase
{
	use AssertsRefusals;

	private const KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';

	public function testAcceptsANewVisitorsHit(): void
	{
		$hit = HitRequest::fromHttp('POST', self::json(self::fields()));

		self::assertSame(self::KEY, $hit->siteKey);
		self::assertSame('https://shop.example/?utm_source=x', $hit->url);
		self::assertSame('', $hit->referrer);
		self::assertSame('Главная', $hit->title);
		self::assertNull($hit->visitorId);
		self::assertNull($hit->token);
	}

	public function testAcceptsASiteKeyWithUnderscoresAndHyphens(): void
	{
		$key = 'MeeQnE5up4R0LFblvN_2_wxoPbWtDs-p';

		self::assertSame($key, HitRequest::fromHttp('POST', self::json(self::fields(['site_key' => $key])))->siteKey);
	}

	public function testAcceptsAReturningVisitorsHit(): void
	{
		$hit = HitRequest::fromJson(self::json(self::fields(['visitor_id' => 17, 'token' => '17.abc'])));

		self::assertSame(17, $hit->visitorId);
		self::assertSame('17.abc', $hit->token);
	}

	public function testAcceptsValuesAtTheirLimitsCountedInCharacters(): void
	{
		$url = 'https://shop.example/' . str_repeat('a', 2048 - 21);
		$hit = HitRequest::fromJson(self::json(self::fields([
			'url' => $url,
			'referrer' => str_repeat('я', 2048),
			'title' => str_repeat('😀', 512),
		])));

		self::assertSame($url, $hit->url);
		self::assertSame(2048, mb_strlen($hit->referrer));
		self::assertSame(512, mb_strlen($hit->title));
	}

	public function testRefusesOtherMethods(): void
	{
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => HitRequest::fromHttp('GET', self::json(self::fields())));
	}

	public function testRefusesBodiesOver1MiB(): void
	{
		$body = self::json(self::fields(['title' => str_repeat('a', 1024 * 1024)]));

		self::assertRefused(413, 'payload_too_large', 'body', static fn () => HitRequest::fromHttp('POST', $body));
	}

	public function testRefusesADeclaredLengthOver1MiBWithoutTheBody(): void
	{
		self::assertRefused(413, 'payload_too_large', 'body', static fn () => HitRequest::fromHttp('POST', '', 1024 * 1024 + 1));
	}

	public function testNamesAnOverLongFieldInABodyUnder1MiB(): void
	{
		$body = self::json(self::fields(['title' => str_repeat('T', 100000)]));

		self::assertRefused(400, 'invalid_title', 'title', static fn () => HitRequest::fromHttp('POST', $body, strlen($body)));
	}

	/** @dataProvider notJsonObjects */
	public function testRefusesBodiesThatAreNotAJsonObject(string $body): void
	{
		self::assertRefused(400, 'invalid_json', 'body', static fn () => HitRequest::fromHttp('POST', $body));
	}

	/** @return array<string, array{string}> */
	public static function notJsonObjects(): array
	{
		return [
			'empty' => [''],
			'broken' => ['{"site_key":'],
			'array' => ['[1, 2]'],
			'null' => ['null'],
			'string' => ['"hit"'],
			'too deep' => [str_repeat('{"a":', 20) . '1' . str_repeat('}', 20)],
			'lone surrogate' => ['{"title":"\ud800"}'],
		];
	}

	/**
	 * @dataProvider badFields
	 * @param array<string, mixed> $changes
	 */
	public function testNamesTheFieldThatIsWrong(array $changes, string $code, string $field): void
	{
		$fields = self::fields($changes);
		foreach ($changes as $name => $value) {
			if ($value === self::class) {
				unset($fields[$name]);
			}
		}

		self::assertRefused(400, $code, $field, static fn () => HitRequest::fromHttp('POST', self::json($fields)));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function badFields(): array
	{
		$missing = self::class;
		return [
			'site_key missing' => [['site_key' => $missing], 'missing_site_key', 'site_key'],
			'site_key not a string' => [['site_key' => 123], 'invalid_site_key', 'site_key'],
			'site_key too long' => [['site_key' => self::KEY . 'x'], 'invalid_site_key', 'site_key'],
			'site_key too short' => [['site_key' => 'abc'], 'invalid_site_key', 'site_key'],
			'site_key with symbols' => [['site_key' => str_repeat('+', 32)], 'invalid_site_key', 'site_key'],
			'site_key of 31 characters' => [['site_key' => str_repeat('_', 31)], 'invalid_site_key', 'site_key'],
			'url missing' => [['url' => $missing], 'missing_url', 'url'],
			'url not a string' => [['url' => ['https://shop.example/']], 'invalid_url', 'url'],
			'url too long' => [['url' => 'https://shop.example/' . str_repeat('a', 2048)], 'invalid_url', 'url'],
			'url relative' => [['url' => '/page'], 'invalid_url', 'url'],
			'url javascript' => [['url' => 'javascript:alert(1)'], 'invalid_url', 'url'],
			'url ftp' => [['url' => 'ftp://shop.example/'], 'invalid_url', 'url'],
			'url with a space' => [['url' => 'https://shop.example/a b'], 'invalid_url', 'url'],
			'url empty' => [['url' => ''], 'invalid_url', 'url'],
			'referrer missing' => [['referrer' => $missing], 'missing_referrer', 'referrer'],
			'referrer null' => [['referrer' => null], 'invalid_referrer', 'referrer'],
			'referrer too long' => [['referrer' => str_repeat('r', 2049)], 'invalid_referrer', 'referrer'],
			'title missing' => [['title' => $missing], 'missing_title', 'title'],
			'title a number' => [['title' => 5], 'invalid_title', 'title'],
			'title too long' => [['title' => str_repeat('т', 513)], 'invalid_title', 'title'],
			'visitor_id a string' => [['visitor_id' => '17', 'token' => '17.abc'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id a float' => [['visitor_id' => 17.5, 'token' => '17.abc'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id zero' => [['visitor_id' => 0, 'token' => '0.abc'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id negative' => [['visitor_id' => -4, 'token' => '-4.abc'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id null' => [['visitor_id' => null, 'token' => '17.abc'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id without token' => [['visitor_id' => 17], 'missing_token', 'token'],
			'token without visitor_id' => [['token' => '17.abc'], 'missing_visitor_id', 'visitor_id'],
			'token not a string' => [['visitor_id' => 17, 'token' => 17], 'invalid_token', 'token'],
			'token empty' => [['visitor_id' => 17, 'token' => ''], 'invalid_token', 'token'],
			'token too long' => [['visitor_id' => 17, 'token' => '17.' . str_repeat('a', 200)], 'invalid_token', 'token'],
		];
	}

	public function testRefusesAVisitorIdBeyondTheIntegerRange(): void
	{
		$body = str_replace('"visitor_id":1', '"visitor_id":99999999999999999999', self::json(self::fields(['visitor_id' => 1, 'token' => '1.a'])));

		self::assertRefused(400, 'invalid_visitor_id', 'visitor_id', static fn () => HitRequest::fromJson($body));
	}

	/** @dataProvider textFields */
	public function testNamesTheFieldThatHoldsInvalidUtf8(string $field): void
	{
		$fields = self::fields(['visitor_id' => 17, 'token' => '17.abc']);
		$fields[$field] = 'PLACEHOLDER';
		$body = str_replace('PLACEHOLDER', "ab\xFF\xFEcd", self::json($fields));

		self::assertRefused(400, 'invalid_' . $field, $field, static fn () => HitRequest::fromHttp('POST', $body));
	}

	/** @dataProvider textFields */
	public function testChecksUtf8OfDecodedFieldsToo(string $field): void
	{
		$fields = self::fields(['visitor_id' => 17, 'token' => '17.abc']);
		$fields[$field] = "ab\xC3";

		self::assertRefused(400, 'invalid_' . $field, $field, static fn () => HitRequest::fromFields($fields));
	}

	/** @return array<string, array{string}> */
	public static function textFields(): array
	{
		return [
			'site_key' => ['site_key'],
			'url' => ['url'],
			'referrer' => ['referrer'],
			'title' => ['title'],
			'token' => ['token'],
		];
	}

	public function testIgnoresInvalidUtf8InUnknownFields(): void
	{
		$fields = self::fields();
		$fields['extra'] = 'PLACEHOLDER';
		$body = str_replace('PLACEHOLDER', "\xFF", self::json($fields));

		self::assertSame(self::KEY, HitRequest::fromJson($body)->siteKey);
	}

	public function testReportsTheFirstBadFieldInContractOrder(): void
	{
		$fields = self::fields(['url' => 'nope', 'title' => 5]);

		self::assertRefused(400, 'invalid_url', 'url', static fn () => HitRequest::fromFields($fields));
	}

	/**
	 * @param array<string, mixed> $changes
	 * @return array<string, mixed>
	 */
	private static function fields(array $changes = []): array
	{
		return array_merge([
			'site_key' => self::KEY,
			'url' => 'https://shop.example/?utm_source=x',
			'referrer' => '',
			'title' => 'Главная',
		], $changes);
	}

	/** @param array<string, mixed> $fields */
	private static function json(array $fields): string
	{
		return json_encode($fields, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_THROW_ON_ERROR);
	}
}
