<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Callbacks;

use LeadTrail\Callbacks\CallbackFields;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Leads\LeadInput;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class CallbackFieldsTest extends TestCase
{
	use AssertsRefusals;

	private const NOW = 1700000000;
	private const KEY = 'jwgtGYZDYTA0123456789abcdefghijk';

	public function testReadsTheSeedsExample(): void
	{
		$fields = self::read(['captcha_key' => self::KEY, 'captcha_value' => '8315', 'phone' => '79101234567',
			'delayed_call_time' => (self::NOW + 3600) * 1000, 'group_id' => '16587']);

		self::assertSame(['79101234567', '79101234567', self::KEY, '8315', self::NOW + 3600, 16587],
			[$fields->phone, $fields->phoneDigits, $fields->captchaKey, $fields->captchaValue, $fields->callAt, $fields->groupId]);
	}

	public function testKeepsThePhoneAsTypedNextToItsDigits(): void
	{
		$fields = self::read(['phone' => '+7 (910) 123-45-67']);

		self::assertSame(['+7 (910) 123-45-67', '79101234567', null, null, null], [$fields->phone, $fields->phoneDigits, $fields->captchaKey, $fields->callAt, $fields->groupId]);
	}

	public function testTakesAPhoneGivenAsANumber(): void
	{
		self::assertSame('79101234567', self::read(['phone' => 79101234567])->phoneDigits);
	}

	/** @dataProvider badPhones */
	public function testRefusesABadPhone(mixed $phone, string $code): void
	{
		self::assertRefused(400, $code, 'phone', static fn () => self::read(['phone' => $phone]));
	}

	/** @return array<string, array{mixed, string}> */
	public static function badPhones(): array
	{
		return [
			'absent' => [null, 'missing_phone'],
			'empty' => ['', 'missing_phone'],
			'blank' => ['   ', 'missing_phone'],
			'letters' => ['7910abc4567', 'invalid_phone'],
			'six digits' => ['123456', 'invalid_phone'],
			'sixteen digits' => ['1234567890123456', 'invalid_phone'],
			'over 64 characters' => [str_repeat('1 ', 33), 'invalid_phone'],
			'huge' => [str_repeat('1', 100000), 'invalid_phone'],
			'an array' => [['79101234567'], 'invalid_phone'],
			'a boolean' => [true, 'invalid_phone'],
		];
	}

	public function testALeftOutCaptchaIsNotARefusal(): void
	{
		$fields = self::read(['phone' => '79101234567', 'captcha_value' => ' ']);

		self::assertSame([null, null], [$fields->captchaKey, $fields->captchaValue]);
	}

	public function testTakesACaptchaValueGivenAsANumber(): void
	{
		self::assertSame('8315', self::read(['phone' => '79101234567', 'captcha_key' => self::KEY, 'captcha_value' => 8315])->captchaValue);
	}

	public function testRefusesAnOverlongOrNonTextCaptcha(): void
	{
		self::assertRefused(400, 'invalid_captcha_key', 'captcha_key', static fn () => self::read(['phone' => '79101234567', 'captcha_key' => str_repeat('a', 65), 'captcha_value' => '1']));
		self::assertRefused(400, 'invalid_captcha_value', 'captcha_value', static fn () => self::read(['phone' => '79101234567', 'captcha_key' => self::KEY, 'captcha_value' => ['1']]));
	}

	/** @dataProvider goodTimes */
	public function testAcceptsADelayedCallTimeWithinItsBounds(mixed $time, int $callAt): void
	{
		self::assertSame($callAt, self::read(['phone' => '79101234567', 'delayed_call_time' => $time])->callAt);
	}

	/** @return array<string, array{mixed, int}> */
	public static function goodTimes(): array
	{
		return [
			'now' => [self::NOW * 1000, self::NOW],
			'exactly a minute ago' => [(self::NOW - 60) * 1000, self::NOW - 60],
			'exactly 30 days ahead' => [(self::NOW + 30 * 86400) * 1000, self::NOW + 30 * 86400],
			'milliseconds round down' => [self::NOW * 1000 + 999, self::NOW],
			'a string of digits' => [(string) ((self::NOW + 60) * 1000), self::NOW + 60],
			'a whole float (JSON exponent)' => [(float) ((self::NOW + 60) * 1000), self::NOW + 60],
		];
	}

	/** @dataProvider badTimes */
	public function testRefusesABadDelayedCallTime(mixed $time): void
	{
		self::assertRefused(400, 'invalid_delayed_call_time', 'delayed_call_time',
			static fn () => self::read(['phone' => '79101234567', 'delayed_call_time' => $time]));
	}

	/** @return array<string, array{mixed}> */
	public static function badTimes(): array
	{
		return [
			'a minute and a millisecond ago' => [(self::NOW - 60) * 1000 - 1],
			'an hour ago' => [(self::NOW - 3600) * 1000],
			'30 days and a millisecond ahead' => [(self::NOW + 30 * 86400) * 1000 + 1],
			'a year ahead' => [(self::NOW + 365 * 86400) * 1000],
			'seconds, not milliseconds' => [self::NOW],
			'negative' => [-1],
			'a fraction' => [self::NOW * 1000 + 0.5],
			'a signed string' => ['+' . (self::NOW * 1000)],
			'a string with spaces' => [' ' . (self::NOW * 1000)],
			'an ISO date' => ['2023-11-14T22:13:20Z'],
			'a boolean' => [true],
			'an object' => [['t' => 1]],
			'too many digits' => [str_repeat('9', 17)],
		];
	}

	public function testRefusesABadGroupId(): void
	{
		self::assertRefused(400, 'invalid_group_id', 'group_id', static fn () => self::read(['phone' => '79101234567', 'group_id' => 'sales']));
		self::assertRefused(400, 'invalid_group_id', 'group_id', static fn () => self::read(['phone' => '79101234567', 'group_id' => 0]));
		self::assertSame(16587, self::read(['phone' => '79101234567', 'group_id' => 16587])->groupId);
	}

	public function testReportsTheFirstBadFieldInTheContractsOrder(): void
	{
		self::assertRefused(400, 'invalid_phone', 'phone', static fn () => self::read(['phone' => 'x', 'delayed_call_time' => 'x', 'group_id' => 'x']));
		self::assertRefused(400, 'invalid_delayed_call_time', 'delayed_call_time', static fn () => self::read(['phone' => '79101234567', 'delayed_call_time' => 'x', 'group_id' => 'x']));
	}

	public function testRefusesInvalidUtf8NamingTheField(): void
	{
		$body = JsonBody::fromJson('{"phone":"79101234567","captcha_key":"ab' . "\xFF" . 'cd","captcha_value":"1"}');

		self::assertRefused(400, 'invalid_captcha_key', 'captcha_key', static fn () => CallbackFields::read(LeadInput::fromJsonBody($body), self::NOW));
	}

	/** @param array<string, mixed> $fields */
	private static function read(array $fields): CallbackFields
	{
		return CallbackFields::read(LeadInput::fromJsonBody(JsonBody::fromFields($fields)), self::NOW);
	}
}
