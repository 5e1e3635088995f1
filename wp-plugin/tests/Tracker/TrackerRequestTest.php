<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Tracker;

use LeadTrail\Contacts\Contact;
use LeadTrail\Tracker\TrackerRequest;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class TrackerRequestTest extends TestCase
{
	use AssertsRefusals;

	private const KEY = 'nS5lVcB4qqpO1WPSopO670cAbXwAH9Ry';
	/** Real vendor keys have `_` (and `-`) in them. */
	private const VENDOR_KEY = 'MeeQnE5up4R0LFblvN_2_wxoPbWtDs-p';

	public function testReadsTheSeedsExample(): void
	{
		// .../vc/s/?sk=nS5l...&ci=2032047566.3117192853.1555675484&hi=9228054013&vn=new_user (A15)
		$request = TrackerRequest::fromHttp('GET', [
			'sk' => self::KEY,
			'ci' => '2032047566.3117192853.1555675484',
			'hi' => '9228054013',
			'vn' => 'new_user',
		]);

		self::assertSame(self::KEY, $request->siteKey);
		self::assertSame('sk', $request->siteKeyField);
		self::assertSame([2032047566, 3117192853, 9228054013], [$request->visitorId, $request->sessionId, $request->hitId]);
		self::assertSame('new_user', $request->info->name);
		self::assertSame([], $request->info->contacts);
		self::assertNull($request->page);
		self::assertFalse($request->short);
	}

	public function testAcceptsTheDocumentedKAndUrNames(): void
	{
		// F3: the vendor documents k= (site key) and ur= (page).
		$request = TrackerRequest::fromQuery(['k' => self::KEY, 'ci' => '1.2.3', 'vp' => '+7 (999) 123-45-67', 've' => 'A@B.ru', 'ur' => 'https://shop.example/contacts']);

		self::assertSame('k', $request->siteKeyField);
		self::assertNull($request->hitId);
		self::assertSame('https://shop.example/contacts', $request->page);
		self::assertSame([Contact::PHONE, Contact::EMAIL], array_map(static fn (Contact $c): string => $c->kind, $request->info->contacts));
	}

	public function testSkWinsOverK(): void
	{
		$request = TrackerRequest::fromQuery(['k' => 'bad', 'sk' => self::KEY, 'ci' => '1.2.3', 'vn' => 'x']);

		self::assertSame(['sk', self::KEY], [$request->siteKeyField, $request->siteKey]);
	}

	/** @dataProvider shortFlags */
	public function testOnlySEquals1AsksForTheShortAnswer(mixed $s, bool $short): void
	{
		self::assertSame($short, TrackerRequest::fromQuery(['sk' => self::KEY, 'ci' => '1.2.3', 'vn' => 'x', 's' => $s])->short);
	}

	/** @return array<string, array{mixed, bool}> */
	public static function shortFlags(): array
	{
		return ['1' => ['1', true], '0' => ['0', false], 'empty' => ['', false], 'true' => ['true', false], 'array' => [['1'], false]];
	}

	public function testAnEmptyHiIsNoHit(): void
	{
		self::assertNull(TrackerRequest::fromQuery(['sk' => self::KEY, 'ci' => '1.2.3', 'hi' => '', 'vn' => 'x'])->hitId);
	}

	public function testRefusesMethodsOtherThanGet(): void
	{
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => TrackerRequest::fromHttp('POST', ['sk' => self::KEY]));
		self::assertSame(1, TrackerRequest::fromHttp('HEAD', ['sk' => self::KEY, 'ci' => '1.2.3', 'vn' => 'x'])->visitorId);
	}

	/**
	 * @dataProvider badQueries
	 * @param array<string, mixed> $changes
	 */
	public function testNamesTheParameterThatIsWrong(array $changes, string $code, string $field): void
	{
		$query = array_merge(['sk' => self::KEY, 'ci' => '1.2.3', 'vn' => 'new_user'], $changes);
		$query = array_filter($query, static fn (mixed $value): bool => $value !== null);

		self::assertRefused(400, $code, $field, static fn () => TrackerRequest::fromQuery($query));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function badQueries(): array
	{
		return [
			'no key' => [['sk' => null], 'missing_sk', 'sk'],
			'empty key' => [['sk' => ''], 'missing_sk', 'sk'],
			'short key' => [['sk' => 'abc'], 'invalid_sk', 'sk'],
			'key of 31 characters' => [['sk' => substr(self::VENDOR_KEY, 1)], 'invalid_sk', 'sk'],
			'key of 33 characters' => [['sk' => self::VENDOR_KEY . '_'], 'invalid_sk', 'sk'],
			'key with a dot' => [['sk' => str_repeat('.', 32)], 'invalid_sk', 'sk'],
			'key as an array' => [['sk' => [self::KEY]], 'invalid_sk', 'sk'],
			'bad k' => [['sk' => null, 'k' => 'abc'], 'invalid_k', 'k'],
			'no ci' => [['ci' => null], 'missing_ci', 'ci'],
			'ci of two parts' => [['ci' => '1.2'], 'invalid_ci', 'ci'],
			'ci of four parts' => [['ci' => '1.2.3.4'], 'invalid_ci', 'ci'],
			'ci with letters' => [['ci' => 'a.b.c'], 'invalid_ci', 'ci'],
			'ci visitor zero' => [['ci' => '0.2.3'], 'invalid_ci', 'ci'],
			'ci session zero' => [['ci' => '1.0.3'], 'invalid_ci', 'ci'],
			'ci beyond the integer range' => [['ci' => '99999999999999999999.2.3'], 'invalid_ci', 'ci'],
			'ci negative' => [['ci' => '-1.2.3'], 'invalid_ci', 'ci'],
			'ci with spaces' => [['ci' => ' 1.2.3'], 'invalid_ci', 'ci'],
			'hi with letters' => [['hi' => 'abc'], 'invalid_hi', 'hi'],
			'hi zero' => [['hi' => '0'], 'invalid_hi', 'hi'],
			'hi negative' => [['hi' => '-5'], 'invalid_hi', 'hi'],
			'hi as an array' => [['hi' => ['5']], 'invalid_hi', 'hi'],
			'nothing to add' => [['vn' => null], 'missing_contact', 'vn'],
			'only blanks' => [['vn' => ' ', 'vp' => '', 've' => ''], 'missing_contact', 'vn'],
			'vn too long' => [['vn' => str_repeat('я', 256)], 'invalid_vn', 'vn'],
			'vn as an array' => [['vn' => ['x']], 'invalid_vn', 'vn'],
			'vn not UTF-8' => [['vn' => "\xFF"], 'invalid_vn', 'vn'],
			'vp too short' => [['vp' => '12345'], 'invalid_vp', 'vp'],
			'vp with letters' => [['vp' => 'call me'], 'invalid_vp', 'vp'],
			'vp not UTF-8' => [['vp' => "8800\xFF5553535"], 'invalid_vp', 'vp'],
			've without at' => [['ve' => 'nope'], 'invalid_ve', 've'],
			've too long' => [['ve' => str_repeat('a', 250) . '@b.ru'], 'invalid_ve', 've'],
			'ur too long' => [['ur' => 'https://x/' . str_repeat('u', 2048)], 'invalid_ur', 'ur'],
			'ur not UTF-8' => [['ur' => "https://x/\xFF"], 'invalid_ur', 'ur'],
		];
	}

	public function testTakesAKeyWithUnderscoresAndHyphensUnderEitherName(): void
	{
		self::assertSame(self::VENDOR_KEY, TrackerRequest::fromQuery(['sk' => self::VENDOR_KEY, 'ci' => '1.2.3', 'vn' => 'x'])->siteKey);
		self::assertSame(self::VENDOR_KEY, TrackerRequest::fromQuery(['k' => self::VENDOR_KEY, 'ci' => '1.2.3', 'vn' => 'x'])->siteKey);
	}

	public function testChecksParametersInOrder(): void
	{
		$query = ['sk' => self::KEY, 'ci' => 'bad', 'hi' => 'bad', 'vp' => 'bad'];

		self::assertRefused(400, 'invalid_ci', 'ci', static fn () => TrackerRequest::fromQuery($query));
	}
}
