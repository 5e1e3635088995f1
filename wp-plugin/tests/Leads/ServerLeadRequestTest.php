<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Leads\ServerLeadRequest;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class ServerLeadRequestTest extends TestCase
{
	use AssertsRefusals;

	private const KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
	private const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';

	/** The seed's example, as its send.php builds it with http_build_query(). */
	private static function seedForm(array $changes = []): array
	{
		$data = array_merge([
			'site_key' => self::KEY,
			'visitor_id' => '17258569',
			'hit_id' => '546833568748',
			'session_id' => '255544855',
			'name' => 'John Smith',
			'email' => 'no@email.adr',
			'phone' => '+79251234567',
			'text' => 'Hello, world!',
			'is_sale' => true,
			'sale_cost' => 10000,
		], $changes);
		parse_str(http_build_query($data), $form);
		return array_filter($form, static fn ($value): bool => $value !== '__missing__');
	}

	private static function parse(array $form): ServerLeadRequest
	{
		return ServerLeadRequest::fromHttp('POST', self::FORM, http_build_query($form), $form);
	}

	public function testReadsTheSeedsFormPost(): void
	{
		$request = self::parse(self::seedForm());

		self::assertSame([self::KEY, 'site_key', 17258569, 255544855, 546833568748, null],
			[$request->siteKey, $request->siteKeyField, $request->visitorId, $request->sessionId, $request->hitId, $request->page]);
		self::assertSame('Hello, world!', $request->fields->message);
		self::assertSame('+79251234567', $request->fields->phone);
		// http_build_query() writes true as "1".
		self::assertTrue($request->fields->isSale);
		self::assertSame('10000.00', $request->fields->saleCost);
	}

	public function testTakesKeyAndUriAsTheVendorsReferenceNamesThem(): void
	{
		$request = self::parse(self::seedForm(['site_key' => '__missing__', 'key' => self::KEY, 'uri' => 'https://shop.example/contacts']));

		self::assertSame(['key', 'https://shop.example/contacts'], [$request->siteKeyField, $request->page]);
	}

	public function testTakesAKeyWithUnderscoresAndHyphensUnderEitherName(): void
	{
		$vendor = 'MeeQnE5up4R0LFblvN_2_wxoPbWtDs-p';

		self::assertSame($vendor, self::parse(self::seedForm(['site_key' => $vendor]))->siteKey);
		self::assertSame($vendor, self::parse(self::seedForm(['site_key' => '__missing__', 'key' => $vendor]))->siteKey);
	}

	public function testSiteKeyWinsOverKey(): void
	{
		$request = self::parse(self::seedForm(['key' => 'not even a key']));

		self::assertSame('site_key', $request->siteKeyField);
	}

	public function testTheHitIsOptional(): void
	{
		self::assertNull(self::parse(self::seedForm(['hit_id' => '__missing__']))->hitId);
		self::assertNull(self::parse(self::seedForm(['hit_id' => '']))->hitId);
	}

	public function testAlsoAcceptsFormNameGroupAndUserFields(): void
	{
		$request = self::parse(self::seedForm(['form_name' => 'Обратный звонок', 'group_id' => '12', 'user_fields' => ['city' => 'Moscow']]));

		self::assertSame(['Обратный звонок', 12, ['city' => 'Moscow']], [$request->fields->formName, $request->fields->groupId, $request->fields->userFields]);
	}

	public function testReadsAJsonBody(): void
	{
		$body = json_encode(['key' => self::KEY, 'visitor_id' => 17, 'session_id' => 4, 'hit_id' => 99, 'text' => 'hi', 'is_sale' => false]);

		$request = ServerLeadRequest::fromHttp('POST', 'application/json', (string) $body, []);

		self::assertSame([17, 4, 99, 'hi', false], [$request->visitorId, $request->sessionId, $request->hitId, $request->fields->message, $request->fields->isSale]);
	}

	public function testRefusesJsonUserFieldsGivenAsAnArray(): void
	{
		$body = json_encode(['key' => self::KEY, 'visitor_id' => 17, 'session_id' => 4, 'text' => 'hi', 'user_fields' => ['a']]);

		self::assertRefused(400, 'invalid_user_fields', 'user_fields', static fn () => ServerLeadRequest::fromHttp('POST', 'application/json', (string) $body, []));
	}

	public function testReadsABodyWithoutAContentTypeAsAForm(): void
	{
		$request = ServerLeadRequest::fromHttp('POST', '', http_build_query(self::seedForm()), []);

		self::assertSame('John Smith', $request->fields->name);
	}

	public function testReadsMultipartFieldsAsPhpParsedThem(): void
	{
		$request = ServerLeadRequest::fromHttp('POST', 'multipart/form-data; boundary=x', '', self::seedForm());

		self::assertSame(17258569, $request->visitorId);
	}

	/**
	 * @dataProvider refusals
	 * @param array<string, mixed> $changes
	 */
	public function testRefuses(array $changes, string $code, string $field): void
	{
		self::assertRefused(400, $code, $field, static fn () => self::parse(self::seedForm($changes)));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function refusals(): array
	{
		return [
			'no key at all' => [['site_key' => '__missing__'], 'missing_site_key', 'site_key'],
			'a short site_key' => [['site_key' => 'abc'], 'invalid_site_key', 'site_key'],
			'a site_key of 31 characters' => [['site_key' => str_repeat('a_', 15) . 'b'], 'invalid_site_key', 'site_key'],
			'a site_key of 33 characters' => [['site_key' => str_repeat('a-', 16) . 'b'], 'invalid_site_key', 'site_key'],
			'a site_key with a dot' => [['site_key' => str_repeat('a.', 16)], 'invalid_site_key', 'site_key'],
			'a bad key' => [['site_key' => '__missing__', 'key' => str_repeat('!', 32)], 'invalid_key', 'key'],
			'a site_key given twice' => [['site_key' => [self::KEY]], 'invalid_site_key', 'site_key'],
			'no visitor_id' => [['visitor_id' => '__missing__'], 'missing_visitor_id', 'visitor_id'],
			'visitor_id 0' => [['visitor_id' => '0'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id negative' => [['visitor_id' => '-5'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id text' => [['visitor_id' => '17abc'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id too big' => [['visitor_id' => '99999999999999999999'], 'invalid_visitor_id', 'visitor_id'],
			'visitor_id given twice' => [['visitor_id' => ['1', '2']], 'invalid_visitor_id', 'visitor_id'],
			'no session_id' => [['session_id' => '__missing__'], 'missing_session_id', 'session_id'],
			'a bad hit_id' => [['hit_id' => '1.5'], 'invalid_hit_id', 'hit_id'],
			'uri too long' => [['uri' => 'https://a.example/' . str_repeat('a', 2048)], 'invalid_uri', 'uri'],
			'sale_cost without a sale' => [['is_sale' => '__missing__'], 'invalid_is_sale', 'is_sale'],
			'sale_cost with is_sale=false' => [['is_sale' => 'false'], 'invalid_is_sale', 'is_sale'],
			'text too long' => [['text' => str_repeat('x', 10001)], 'invalid_text', 'text'],
			'text given twice' => [['text' => ['a', 'b']], 'invalid_text', 'text'],
			'no contact' => [['name' => '', 'email' => '', 'phone' => '', 'text' => ''], 'missing_contact', 'name'],
			'invalid UTF-8' => [['name' => "\xC0\xAF"], 'invalid_name', 'name'],
		];
	}

	public function testChecksIdsBeforeTheFields(): void
	{
		self::assertRefused(400, 'missing_session_id', 'session_id', static fn () => self::parse(self::seedForm(['session_id' => '__missing__', 'email' => 'bad'])));
	}

	public function testRefusesOtherMethodsAndHugeBodies(): void
	{
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => ServerLeadRequest::fromHttp('GET', '', '', self::seedForm()));
		self::assertRefused(413, 'payload_too_large', 'body', static fn () => ServerLeadRequest::fromHttp('POST', self::FORM, '', [], 2 * 1048576));
	}

	public function testRefusesAJsonBodyThatIsNotAnObject(): void
	{
		self::assertRefused(400, 'invalid_json', 'body', static fn () => ServerLeadRequest::fromHttp('POST', 'application/json', '[1,2]', []));
		self::assertRefused(400, 'invalid_json', 'body', static fn () => ServerLeadRequest::fromHttp('POST', 'application/json; charset=utf-8', '{"a":', []));
	}
}
