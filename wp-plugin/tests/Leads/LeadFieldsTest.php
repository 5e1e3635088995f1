<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Ingest\JsonBody;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Leads\LeadInput;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class LeadFieldsTest extends TestCase
{
	use AssertsRefusals;

	/** @param array<string, mixed> $values */
	private static function read(array $values, string $messageField = 'message'): LeadFields
	{
		return LeadFields::read(LeadInput::fromValues($values), $messageField);
	}

	public function testReadsTheSeedsRequestWithAFormName(): void
	{
		$fields = self::read([
			'name' => 'Дмитрий', 'email' => 'dmitry@comagic.ru', 'phone' => '79123456789',
			'form_name' => 'Название заявки', 'message' => 'Текст заявки...',
		]);

		self::assertSame(['Дмитрий', 'dmitry@comagic.ru', '79123456789', 'Текст заявки...', 'Название заявки'],
			[$fields->name, $fields->email, $fields->phone, $fields->message, $fields->formName]);
		self::assertFalse($fields->isSale);
		self::assertNull($fields->saleCost);
		self::assertNull($fields->groupId);
		self::assertSame([], $fields->userFields);
		self::assertNull($fields->userFieldsJson());
		self::assertFalse($fields->honeypot);
	}

	public function testReadsTheSeedsSale(): void
	{
		$fields = self::read(['name' => 'Дмитрий', 'message' => 'Онлайн заказ...', 'is_sale' => true, 'sale_cost' => '9999']);

		self::assertTrue($fields->isSale);
		self::assertSame('9999.00', $fields->saleCost);
	}

	public function testANameAloneIsARequest(): void
	{
		self::assertSame('My Name Is', self::read(['name' => 'My Name Is'])->name);
	}

	public function testKeepsThePhoneAsTypedWithItsDigits(): void
	{
		$fields = self::read(['phone' => '+7 (912) 345-67-89']);

		self::assertSame('+7 (912) 345-67-89', $fields->phone);
		self::assertSame('79123456789', $fields->phoneDigits);
	}

	public function testTakesANumberAsItsText(): void
	{
		$fields = self::read(['phone' => 79123456789, 'name' => 42]);

		self::assertSame('79123456789', $fields->phone);
		self::assertSame('42', $fields->name);
	}

	public function testNormalisesTheEmailForComparisonOnly(): void
	{
		$fields = self::read(['email' => ' Ivan@Почта.РФ ']);

		self::assertSame(' Ivan@Почта.РФ ', $fields->email);
		self::assertSame('ivan@почта.рф', $fields->emailNormalized);
	}

	public function testTheServerNamesTheMessageText(): void
	{
		self::assertSame('Hello, world!', self::read(['text' => 'Hello, world!'], 'text')->message);
		// "message" is not the server's field: alone it is no request there.
		self::assertRefused(400, 'missing_contact', 'name', static fn () => self::read(['message' => 'x'], 'text'));
	}

	/** @dataProvider blanks */
	public function testBlankFieldsAreNotGiven(mixed $blank): void
	{
		$fields = self::read([
			'name' => 'n', 'email' => $blank, 'phone' => $blank, 'message' => $blank, 'is_sale' => $blank,
			'sale_cost' => $blank, 'group_id' => $blank, 'form_name' => $blank, 'user_fields' => $blank,
			'leadtrail_hp' => $blank === '   ' ? null : $blank,
		]);

		self::assertSame([null, null, null, false, null, null, null, [], false], [
			$fields->email, $fields->phone, $fields->message, $fields->isSale, $fields->saleCost,
			$fields->groupId, $fields->formName, $fields->userFields, $fields->honeypot,
		]);
	}

	/** @return array<string, array{mixed}> */
	public static function blanks(): array
	{
		return ['null' => [null], 'empty' => [''], 'spaces' => ['   ']];
	}

	public function testAtLeastOneOfNameEmailPhoneMessage(): void
	{
		self::assertRefused(400, 'missing_contact', 'name', static fn () => self::read([]));
		self::assertRefused(400, 'missing_contact', 'name', static fn () => self::read(['form_name' => 'f', 'is_sale' => true, 'name' => ' ']));
		self::assertSame('m', self::read(['message' => 'm'])->message);
		self::assertSame('a@b.ru', self::read(['email' => 'a@b.ru'])->email);
		self::assertSame('1234567', self::read(['phone' => '1234567'])->phone);
	}

	/**
	 * @dataProvider badFields
	 * @param array<string, mixed> $values
	 */
	public function testRefusesABadField(array $values, string $code, string $field): void
	{
		self::assertRefused(400, $code, $field, static fn () => self::read($values + ['name' => 'n']));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function badFields(): array
	{
		return [
			'name too long' => [['name' => str_repeat('я', 256)], 'invalid_name', 'name'],
			'name not text' => [['name' => ['a']], 'invalid_name', 'name'],
			'name a boolean' => [['name' => true], 'invalid_name', 'name'],
			'email syntax' => [['email' => 'not-an-address'], 'invalid_email', 'email'],
			'email too long' => [['email' => str_repeat('a', 60) . '@' . str_repeat('b', 190) . '.ru'], 'invalid_email', 'email'],
			'phone too few digits' => [['phone' => '12345'], 'invalid_phone', 'phone'],
			'phone letters' => [['phone' => '+7 912 CALL ME'], 'invalid_phone', 'phone'],
			'phone over 64 as typed' => [['phone' => str_repeat(' ', 60) . '1234567'], 'invalid_phone', 'phone'],
			'message too long' => [['message' => str_repeat('ж', 10001)], 'invalid_message', 'message'],
			'is_sale a word' => [['is_sale' => 'maybe'], 'invalid_is_sale', 'is_sale'],
			'is_sale 2' => [['is_sale' => 2], 'invalid_is_sale', 'is_sale'],
			'is_sale an object' => [['is_sale' => new \stdClass()], 'invalid_is_sale', 'is_sale'],
			'sale_cost without is_sale' => [['sale_cost' => '9999'], 'invalid_is_sale', 'is_sale'],
			'sale_cost with is_sale false' => [['is_sale' => false, 'sale_cost' => 10000], 'invalid_is_sale', 'is_sale'],
			'sale_cost with is_sale "0"' => [['is_sale' => '0', 'sale_cost' => 1], 'invalid_is_sale', 'is_sale'],
			'sale_cost negative' => [['is_sale' => true, 'sale_cost' => -1], 'invalid_sale_cost', 'sale_cost'],
			'sale_cost too large' => [['is_sale' => true, 'sale_cost' => 1e12 + 1], 'invalid_sale_cost', 'sale_cost'],
			'sale_cost text' => [['is_sale' => true, 'sale_cost' => 'ten'], 'invalid_sale_cost', 'sale_cost'],
			'sale_cost thousands' => [['is_sale' => true, 'sale_cost' => '10 000'], 'invalid_sale_cost', 'sale_cost'],
			'sale_cost exponent text' => [['is_sale' => true, 'sale_cost' => '1e3'], 'invalid_sale_cost', 'sale_cost'],
			'sale_cost boolean' => [['is_sale' => true, 'sale_cost' => true], 'invalid_sale_cost', 'sale_cost'],
			'group_id zero' => [['group_id' => 0], 'invalid_group_id', 'group_id'],
			'group_id text' => [['group_id' => 'sales'], 'invalid_group_id', 'group_id'],
			'group_id fraction' => [['group_id' => 12.5], 'invalid_group_id', 'group_id'],
			'group_id huge' => [['group_id' => '99999999999'], 'invalid_group_id', 'group_id'],
			'form_name too long' => [['form_name' => str_repeat('f', 256)], 'invalid_form_name', 'form_name'],
			'user_fields a list' => [['user_fields' => ['a', ['b']]], 'invalid_user_fields', 'user_fields'],
			'user_fields text' => [['user_fields' => 'a=b'], 'invalid_user_fields', 'user_fields'],
			'user_fields too many' => [['user_fields' => array_fill_keys(array_map('strval', range(1, 51)), 'v')], 'invalid_user_fields', 'user_fields'],
			'user_fields long name' => [['user_fields' => [str_repeat('n', 256) => 'v']], 'invalid_user_fields', 'user_fields'],
			'user_fields long value' => [['user_fields' => ['n' => str_repeat('v', 1001)]], 'invalid_user_fields', 'user_fields'],
			'user_fields boolean value' => [['user_fields' => ['n' => true]], 'invalid_user_fields', 'user_fields'],
			'user_fields null value' => [['user_fields' => ['n' => null]], 'invalid_user_fields', 'user_fields'],
			'user_fields nested' => [['user_fields' => ['n' => ['x' => 'y']]], 'invalid_user_fields', 'user_fields'],
			'user_fields NUL in a name' => [['user_fields' => ["a\0b" => 'v']], 'invalid_user_fields', 'user_fields'],
			'user_fields bad UTF-8 value' => [['user_fields' => ['n' => "\xFF"]], 'invalid_user_fields', 'user_fields'],
			'name bad UTF-8' => [['name' => "ab\xFE"], 'invalid_name', 'name'],
			'message bad UTF-8' => [['message' => "\xC3"], 'invalid_message', 'message'],
		];
	}

	public function testChecksFieldsInTheContractsOrder(): void
	{
		// Every field is bad: the name is reported first, then each next one in turn.
		$values = [
			'name' => str_repeat('n', 256), 'email' => 'x', 'phone' => '1', 'message' => str_repeat('m', 10001),
			'is_sale' => 'x', 'sale_cost' => -1, 'group_id' => 'x', 'form_name' => str_repeat('f', 256), 'user_fields' => 'x',
		];
		foreach (['name', 'email', 'phone', 'message', 'is_sale', 'sale_cost', 'group_id', 'form_name', 'user_fields'] as $field) {
			self::assertRefused(400, 'invalid_' . $field, $field, static fn () => self::read($values));
			unset($values[$field]);
			if ($field === 'is_sale') {
				$values['is_sale'] = true;
			}
		}
	}

	/** @dataProvider saleFlags */
	public function testReadsIsSaleAsFormsAndServersWriteIt(mixed $value, bool $expected): void
	{
		self::assertSame($expected, self::read(['name' => 'n', 'is_sale' => $value])->isSale);
	}

	/** @return array<string, array{mixed, bool}> */
	public static function saleFlags(): array
	{
		return [
			'true' => [true, true], 'false' => [false, false], '1' => [1, true], '0' => [0, false],
			'"true"' => ['true', true], '"True" (Python)' => ['True', true], '"1" (http_build_query)' => ['1', true],
			'"on" (checkbox)' => ['on', true], '"yes"' => [' YES ', true],
			'"false"' => ['false', false], '"0"' => ['0', false], '"off"' => ['off', false], '"no"' => ['no', false],
		];
	}

	/** @dataProvider saleCosts */
	public function testReadsSaleCostInCents(mixed $value, string $expected): void
	{
		self::assertSame($expected, self::read(['name' => 'n', 'is_sale' => true, 'sale_cost' => $value])->saleCost);
	}

	/** @return array<string, array{mixed, string}> */
	public static function saleCosts(): array
	{
		return [
			'an integer' => [10000, '10000.00'],
			'a string' => ['9999', '9999.00'],
			'a fraction' => [0.1 + 0.2, '0.30'],
			'a decimal comma' => ['9999,5', '9999.50'],
			'rounded to cents' => ['1.005', '1.01'],
			'zero' => [0, '0.00'],
			'the largest' => ['1000000000000', '1000000000000.00'],
			'spaces around' => [' 15.25 ', '15.25'],
			'a JSON float with exponent' => [1e3, '1000.00'],
		];
	}

	public function testKeepsUserFieldsInOrderAsAJsonObject(): void
	{
		$fields = self::read(['name' => 'n', 'user_fields' => (object) ['Город' => 'Москва', '0' => 'zero', 'count' => 3, 'price' => 12.5]]);

		self::assertSame(['Город' => 'Москва', '0' => 'zero', 'count' => '3', 'price' => '12.5'], $fields->userFields);
		self::assertSame('{"Город":"Москва","0":"zero","count":"3","price":"12.5"}', $fields->userFieldsJson());
	}

	public function testFormUserFieldsWork(): void
	{
		$fields = self::read(['name' => 'n', 'user_fields' => ['city' => 'Moscow', 'Тариф' => 'Базовый']]);

		self::assertSame(['city' => 'Moscow', 'Тариф' => 'Базовый'], $fields->userFields);
	}

	public function testTheHoneypotIsFilledByAnyValue(): void
	{
		self::assertTrue(self::read(['name' => 'n', 'leadtrail_hp' => 'http://spam.example'])->honeypot);
		self::assertTrue(self::read(['name' => 'n', 'leadtrail_hp' => 0])->honeypot);
		self::assertFalse(self::read(['name' => 'n', 'leadtrail_hp' => ''])->honeypot);
		self::assertFalse(self::read(['name' => 'n', 'website' => 'https://a.example'])->honeypot);
	}

	public function testNamesTheFieldOfInvalidUtf8InAJsonBody(): void
	{
		$json = str_replace('PLACEHOLDER', "ab\xFF", '{"name":"n","form_name":"PLACEHOLDER"}');
		self::assertRefused(400, 'invalid_form_name', 'form_name', static fn () => LeadFields::read(LeadInput::fromJsonBody(JsonBody::fromJson($json)), 'message'));

		$json = str_replace('PLACEHOLDER', "ab\xFF", '{"name":"n","user_fields":{"city":"PLACEHOLDER"}}');
		self::assertRefused(400, 'invalid_user_fields', 'user_fields', static fn () => LeadFields::read(LeadInput::fromJsonBody(JsonBody::fromJson($json)), 'message'));
	}

	/** @dataProvider jsonUserFieldsThatAreNoObject */
	public function testJsonUserFieldsMustBeAnObject(string $userFields): void
	{
		$json = '{"name":"n","user_fields":' . $userFields . '}';

		self::assertRefused(400, 'invalid_user_fields', 'user_fields', static fn () => LeadFields::read(LeadInput::fromJsonBody(JsonBody::fromJson($json)), 'message'));
	}

	/** @return array<string, array{string}> */
	public static function jsonUserFieldsThatAreNoObject(): array
	{
		return [
			'an array' => ['["a"]'],
			'an array of two' => ['["a","b"]'],
			'an empty array' => ['[]'],
			'a number' => ['5'],
			'true' => ['true'],
		];
	}

	public function testJsonUserFieldsNamedByDigitsAreAnObject(): void
	{
		$fields = LeadFields::read(LeadInput::fromJsonBody(JsonBody::fromJson('{"name":"n","user_fields":{"0":"a"}}')), 'message');

		self::assertSame('{"0":"a"}', $fields->userFieldsJson());
	}

	public function testInvalidUtf8ElsewhereDoesNotTaintUserFields(): void
	{
		$json = "{\"ignored\":\"\xFF\",\"name\":\"n\",\"user_fields\":{\"city\":\"Moscow\"}}";

		$fields = LeadFields::read(LeadInput::fromJsonBody(JsonBody::fromJson($json)), 'message');

		self::assertSame(['city' => 'Moscow'], $fields->userFields);
	}
}
