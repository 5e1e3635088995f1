<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Calls;

use LeadTrail\Calls\Operation;
use LeadTrail\Calls\VisitorInfoRequest;
use LeadTrail\Contacts\Contact;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Tests\Support\AssertsRefusals;
use LeadTrail\Tests\Support\CallFields;
use PHPUnit\Framework\TestCase;

final class VisitorInfoRequestTest extends TestCase
{
	use AssertsRefusals;

	public function testReadsNamePhoneAndEmail(): void
	{
		$info = self::parse(CallFields::json(['name' => 'Иван', 'phone' => '+7 (999) 123-45-67', 'email' => ' Ivan@Example.COM ']))->info;

		self::assertSame('Иван', $info->name);
		self::assertCount(2, $info->contacts);
		[$phone, $email] = $info->contacts;
		self::assertSame([Contact::PHONE, '+7 (999) 123-45-67', '79991234567'], [$phone->kind, $phone->value, $phone->normalized]);
		self::assertSame([Contact::EMAIL, ' Ivan@Example.COM ', 'ivan@example.com'], [$email->kind, $email->value, $email->normalized]);
	}

	/** @dataProvider single */
	public function testOneOfTheThreeIsEnough(string $field, string $value): void
	{
		$info = self::parse(CallFields::json([$field => $value]))->info;

		self::assertSame($field === 'name' ? 0 : 1, count($info->contacts));
		self::assertSame($field === 'name' ? $value : null, $info->name);
	}

	/** @return array<string, array{string, string}> */
	public static function single(): array
	{
		return ['name' => ['name', 'new_user'], 'phone' => ['phone', '88005553535'], 'email' => ['email', 'a@b.ru']];
	}

	public function testIgnoresOtherKeys(): void
	{
		$info = self::parse(CallFields::json(['name' => 'n', 'message' => ['anything'], 'is_sale' => true]))->info;

		self::assertSame('n', $info->name);
	}

	/**
	 * @dataProvider nothingGiven
	 * @param array<string, mixed> $fields
	 */
	public function testRefusesACallWithNothingToAdd(array $fields): void
	{
		$body = CallFields::json($fields);

		self::assertRefused(400, 'missing_contact', 'name', static fn () => self::parse($body));
	}

	/** @return array<string, array{array<string, mixed>}> */
	public static function nothingGiven(): array
	{
		return [
			'no keys' => [[]],
			'only other keys' => [['message' => 'hi']],
			'nulls' => [['name' => null, 'phone' => null, 'email' => null]],
			'empty strings' => [['name' => '', 'phone' => '', 'email' => '']],
			'blanks' => [['name' => '  ', 'phone' => ' ', 'email' => "\t"]],
		];
	}

	/**
	 * @dataProvider badFields
	 * @param array<string, mixed> $fields
	 */
	public function testNamesTheFieldThatIsWrong(array $fields, string $code, string $field): void
	{
		$body = CallFields::json($fields);

		self::assertRefused(400, $code, $field, static fn () => self::parse($body));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function badFields(): array
	{
		return [
			'name a number' => [['name' => 5], 'invalid_name', 'name'],
			'name too long' => [['name' => str_repeat('я', 256)], 'invalid_name', 'name'],
			'name 100 KB' => [['name' => str_repeat('n', 100000)], 'invalid_name', 'name'],
			'phone a number' => [['phone' => 79991234567], 'invalid_phone', 'phone'],
			'phone too few digits' => [['phone' => '123-45-6'], 'invalid_phone', 'phone'],
			'phone too many digits' => [['phone' => '+1234567890123456'], 'invalid_phone', 'phone'],
			'phone with letters' => [['phone' => '8 800 CALL NOW'], 'invalid_phone', 'phone'],
			'phone with a slash' => [['phone' => '8800/5553535'], 'invalid_phone', 'phone'],
			'phone too long as given' => [['phone' => '8' . str_repeat(' ', 60) . '8005553535'], 'invalid_phone', 'phone'],
			'email without at' => [['email' => 'ivan.example.com'], 'invalid_email', 'email'],
			'email without a domain dot' => [['email' => 'ivan@localhost'], 'invalid_email', 'email'],
			'email with a space' => [['email' => 'iv an@example.com'], 'invalid_email', 'email'],
			'email with markup' => [['email' => '<b>@example.com'], 'invalid_email', 'email'],
			'email too long' => [['email' => str_repeat('a', 64) . '@' . str_repeat('b', 186) . '.com'], 'invalid_email', 'email'],
			'email an array' => [['email' => ['a@b.ru']], 'invalid_email', 'email'],
		];
	}

	public function testChecksNameThenPhoneThenEmail(): void
	{
		$body = CallFields::json(['email' => 'bad', 'phone' => 'bad', 'name' => 5]);

		self::assertRefused(400, 'invalid_name', 'name', static fn () => self::parse($body));
	}

	/** @dataProvider textFields */
	public function testNamesTheFieldThatHoldsInvalidUtf8(string $field): void
	{
		$body = CallFields::jsonWithBadBytes([], $field);

		self::assertRefused(400, 'invalid_' . $field, $field, static fn () => self::parse($body));
	}

	/** @return array<string, array{string}> */
	public static function textFields(): array
	{
		return ['name' => ['name'], 'phone' => ['phone'], 'email' => ['email']];
	}

	private static function parse(string $body): VisitorInfoRequest
	{
		$call = Operation::VisitorInfo->parse(JsonBody::fromHttp('POST', $body));
		self::assertInstanceOf(VisitorInfoRequest::class, $call);
		return $call;
	}
}
