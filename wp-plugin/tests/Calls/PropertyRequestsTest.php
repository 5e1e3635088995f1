<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Calls;

use LeadTrail\Calls\Operation;
use LeadTrail\Calls\PropertiesRequest;
use LeadTrail\Calls\PropertyDeleteRequest;
use LeadTrail\Calls\PropertyGetRequest;
use LeadTrail\Calls\PropertyHasRequest;
use LeadTrail\Calls\PropertySetRequest;
use LeadTrail\Calls\ReadCall;
use LeadTrail\Calls\WriteCall;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Tests\Support\AssertsRefusals;
use LeadTrail\Tests\Support\CallFields;
use PHPUnit\Framework\TestCase;

final class PropertyRequestsTest extends TestCase
{
	use AssertsRefusals;

	public function testSetReadsTheSeedsExamples(): void
	{
		$set = Operation::PropertySet->parse(JsonBody::fromJson(CallFields::json(['name' => 'Тип посетителя', 'value' => 'Потенциальный'])));
		self::assertInstanceOf(PropertySetRequest::class, $set);
		self::assertSame(['Тип посетителя', 'Потенциальный'], [$set->name, $set->value]);

		$flag = Operation::PropertySet->parse(JsonBody::fromJson(CallFields::json(['name' => 'Действующий клиент'])));
		self::assertInstanceOf(PropertySetRequest::class, $flag);
		self::assertNull($flag->value);
	}

	public function testSetTakesNullAsNoValueANumberAsTextAndKeepsAnEmptyValue(): void
	{
		self::assertNull(self::set(['name' => 'n', 'value' => null])->value);
		self::assertSame('1500', self::set(['name' => 'n', 'value' => 1500])->value);
		self::assertSame('99.9', self::set(['name' => 'n', 'value' => 99.9])->value);
		self::assertSame('', self::set(['name' => 'n', 'value' => ''])->value);
	}

	public function testSetAcceptsTheLimits(): void
	{
		$set = self::set(['name' => str_repeat('😀', 255), 'value' => str_repeat('я', 4096)]);

		self::assertSame(255, mb_strlen($set->name));
		self::assertSame(4096, mb_strlen((string) $set->value));
	}

	/**
	 * @dataProvider badSetFields
	 * @param array<string, mixed> $fields
	 */
	public function testSetNamesTheFieldThatIsWrong(array $fields, string $code, string $field): void
	{
		self::assertRefused(400, $code, $field, static fn () => self::set($fields));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function badSetFields(): array
	{
		return [
			'name missing' => [['value' => 'v'], 'missing_name', 'name'],
			'name null' => [['name' => null], 'invalid_name', 'name'],
			'name empty' => [['name' => ''], 'invalid_name', 'name'],
			'name a number' => [['name' => 5], 'invalid_name', 'name'],
			'name too long' => [['name' => str_repeat('я', 256)], 'invalid_name', 'name'],
			'name 100 KB' => [['name' => str_repeat('n', 100000)], 'invalid_name', 'name'],
			'name with NUL' => [['name' => "a\0b"], 'invalid_name', 'name'],
			'value a boolean' => [['name' => 'n', 'value' => true], 'invalid_value', 'value'],
			'value an array' => [['name' => 'n', 'value' => ['v']], 'invalid_value', 'value'],
			'value too long' => [['name' => 'n', 'value' => str_repeat('v', 4097)], 'invalid_value', 'value'],
		];
	}

	public function testSetNamesInvalidUtf8(): void
	{
		foreach (['name', 'value'] as $field) {
			$body = CallFields::jsonWithBadBytes(['name' => 'n'], $field);
			self::assertRefused(400, 'invalid_' . $field, $field, static fn () => Operation::PropertySet->parse(JsonBody::fromJson($body)));
		}
	}

	/** @dataProvider nameOperations */
	public function testDeleteHasAndGetTakeOneName(Operation $operation, string $class): void
	{
		$call = $operation->parse(JsonBody::fromJson(CallFields::json(['name' => 'Тип посетителя', 'value' => 'ignored'])));

		self::assertInstanceOf($class, $call);
		self::assertSame('Тип посетителя', $call->name);
	}

	/** @dataProvider nameOperations */
	public function testDeleteHasAndGetCheckTheName(Operation $operation): void
	{
		$parse = static fn (array $fields) => static fn () => $operation->parse(JsonBody::fromJson(CallFields::json($fields)));

		self::assertRefused(400, 'missing_name', 'name', $parse([]));
		self::assertRefused(400, 'invalid_name', 'name', $parse(['name' => '']));
		self::assertRefused(400, 'invalid_name', 'name', $parse(['name' => 7]));
		self::assertRefused(400, 'invalid_name', 'name', $parse(['name' => str_repeat('x', 256)]));
		$bad = CallFields::jsonWithBadBytes([], 'name');
		self::assertRefused(400, 'invalid_name', 'name', static fn () => $operation->parse(JsonBody::fromJson($bad)));
	}

	/** @return array<string, array{Operation, class-string}> */
	public static function nameOperations(): array
	{
		return [
			'delete' => [Operation::PropertyDelete, PropertyDeleteRequest::class],
			'has' => [Operation::PropertyHas, PropertyHasRequest::class],
			'get' => [Operation::PropertyGet, PropertyGetRequest::class],
		];
	}

	public function testTheListNeedsOnlyTheIdentity(): void
	{
		self::assertInstanceOf(PropertiesRequest::class, Operation::Properties->parse(JsonBody::fromJson(CallFields::json([]))));
		self::assertRefused(400, 'missing_token', 'token', static fn () => Operation::Properties->parse(JsonBody::fromJson(CallFields::json(['token' => CallFields::MISSING]))));
	}

	public function testWritesAndReadsAreTold(): void
	{
		foreach ([Operation::Event, Operation::VisitorInfo, Operation::PropertySet, Operation::PropertyDelete] as $write) {
			self::assertTrue(is_subclass_of(self::classOf($write), WriteCall::class), $write->value);
		}
		foreach ([Operation::PropertyHas, Operation::PropertyGet, Operation::Properties] as $read) {
			self::assertTrue(is_subclass_of(self::classOf($read), ReadCall::class), $read->value);
		}
	}

	/** @param array<string, mixed> $fields */
	private static function set(array $fields): PropertySetRequest
	{
		$call = Operation::PropertySet->parse(JsonBody::fromJson(CallFields::json($fields)));
		self::assertInstanceOf(PropertySetRequest::class, $call);
		return $call;
	}

	/** @return class-string */
	private static function classOf(Operation $operation): string
	{
		return $operation->parse(JsonBody::fromJson(CallFields::json(['category' => 'c', 'action' => 'a', 'name' => 'n'])))::class;
	}
}
