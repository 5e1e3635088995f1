<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Calls;

use LeadTrail\Calls\EventRequest;
use LeadTrail\Calls\Operation;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Tests\Support\AssertsRefusals;
use LeadTrail\Tests\Support\CallFields;
use PHPUnit\Framework\TestCase;

final class EventRequestTest extends TestCase
{
	use AssertsRefusals;

	public function testAcceptsTheSeedsExample(): void
	{
		// Comagic.trackEvent('Offer', 'DownloadBook', 'CallTrackingBook', 'value') (A1).
		$event = self::parse(CallFields::json(['category' => 'Offer', 'action' => 'DownloadBook', 'name' => 'CallTrackingBook', 'value' => 'value']));

		self::assertSame(['Offer', 'DownloadBook', 'CallTrackingBook', 'value'], [$event->category, $event->action, $event->name, $event->value]);
		self::assertSame(17, $event->identity()->visitorId);
	}

	public function testNameAndValueAreOptionalAndNullMeansNotGiven(): void
	{
		$event = self::parse(CallFields::json(['category' => 'c', 'action' => 'a']));
		self::assertNull($event->name);
		self::assertNull($event->value);

		$event = self::parse(CallFields::json(['category' => 'c', 'action' => 'a', 'name' => null, 'value' => null]));
		self::assertNull($event->name);
		self::assertNull($event->value);
	}

	public function testEmptyNameAndValueAreKept(): void
	{
		$event = self::parse(CallFields::json(['category' => 'c', 'action' => 'a', 'name' => '', 'value' => '']));

		self::assertSame(['', ''], [$event->name, $event->value]);
	}

	/** @dataProvider numbers */
	public function testANumberIsTakenAsItsDecimalText(string $json, string $text): void
	{
		$body = str_replace('"NUMBER"', $json, CallFields::json(['category' => 'c', 'action' => 'a', 'name' => 'NUMBER', 'value' => 'NUMBER']));
		$event = self::parse($body);

		self::assertSame([$text, $text], [$event->name, $event->value]);
	}

	/** @return array<string, array{string, string}> */
	public static function numbers(): array
	{
		return [
			'integer' => ['42', '42'],
			'negative' => ['-7', '-7'],
			'decimal' => ['12.5', '12.5'],
			'tenth' => ['0.1', '0.1'],
			'whole float' => ['3.0', '3'],
			'large' => ['1e20', '100000000000000000000'],
			'huge' => ['1e21', '1e+21'],
			'tiny' => ['1.5e-7', '1.5e-7'],
			'zero' => ['-0.0', '0'],
		];
	}

	public function testAcceptsTextsAtTheLimitCountedInCharacters(): void
	{
		$event = self::parse(CallFields::json([
			'category' => str_repeat('я', 255),
			'action' => str_repeat('😀', 255),
			'name' => str_repeat('n', 255),
			'value' => str_repeat('ж', 255),
		]));

		self::assertSame(255, mb_strlen($event->category));
		self::assertSame(255, mb_strlen($event->action));
	}

	public function testKeepsScriptAndSqlAsText(): void
	{
		$event = self::parse(CallFields::json(['category' => '<script>alert(1)</script>', 'action' => "'; DROP TABLE wp_users; --"]));

		self::assertSame('<script>alert(1)</script>', $event->category);
		self::assertSame("'; DROP TABLE wp_users; --", $event->action);
	}

	/**
	 * @dataProvider badFields
	 * @param array<string, mixed> $fields
	 */
	public function testNamesTheFieldThatIsWrong(array $fields, string $code, string $field): void
	{
		$body = CallFields::json($fields + ['category' => 'c', 'action' => 'a']);

		self::assertRefused(400, $code, $field, static fn () => self::parse($body));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function badFields(): array
	{
		$missing = CallFields::MISSING;
		return [
			'category missing' => [['category' => $missing], 'missing_category', 'category'],
			'category null' => [['category' => null], 'invalid_category', 'category'],
			'category empty' => [['category' => ''], 'invalid_category', 'category'],
			'category a number' => [['category' => 5], 'invalid_category', 'category'],
			'category an array' => [['category' => ['a']], 'invalid_category', 'category'],
			'category too long' => [['category' => str_repeat('я', 256)], 'invalid_category', 'category'],
			'action missing' => [['action' => $missing], 'missing_action', 'action'],
			'action empty' => [['action' => ''], 'invalid_action', 'action'],
			'action a boolean' => [['action' => true], 'invalid_action', 'action'],
			'action too long' => [['action' => str_repeat('a', 256)], 'invalid_action', 'action'],
			'name a boolean' => [['name' => false], 'invalid_name', 'name'],
			'name an object' => [['name' => ['k' => 'v']], 'invalid_name', 'name'],
			'name too long' => [['name' => str_repeat('n', 256)], 'invalid_name', 'name'],
			'name 100 KB' => [['name' => str_repeat('n', 100000)], 'invalid_name', 'name'],
			'value a boolean' => [['value' => true], 'invalid_value', 'value'],
			'value too long' => [['value' => str_repeat('😀', 256)], 'invalid_value', 'value'],
		];
	}

	/** @dataProvider textFields */
	public function testNamesTheFieldThatHoldsInvalidUtf8(string $field): void
	{
		$body = CallFields::jsonWithBadBytes(['category' => 'c', 'action' => 'a'], $field);

		self::assertRefused(400, 'invalid_' . $field, $field, static fn () => self::parse($body));
	}

	/** @return array<string, array{string}> */
	public static function textFields(): array
	{
		return ['category' => ['category'], 'action' => ['action'], 'name' => ['name'], 'value' => ['value']];
	}

	public function testChecksFieldsInContractOrder(): void
	{
		$body = CallFields::json(['category' => 5, 'action' => 5, 'value' => true]);

		self::assertRefused(400, 'invalid_category', 'category', static fn () => self::parse($body));
	}

	public function testRefusesOtherMethodsAndBodiesOver1MiB(): void
	{
		$body = CallFields::json(['category' => 'c', 'action' => 'a']);
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => JsonBody::fromHttp('GET', $body));

		$large = CallFields::json(['category' => 'c', 'action' => 'a', 'value' => str_repeat('v', 10 * 1024 * 1024)]);
		self::assertRefused(413, 'payload_too_large', 'body', static fn () => JsonBody::fromHttp('POST', $large));
		self::assertRefused(413, 'payload_too_large', 'body', static fn () => JsonBody::fromHttp('POST', '', JsonBody::MAX_BYTES + 1));
	}

	private static function parse(string $body): EventRequest
	{
		$call = Operation::Event->parse(JsonBody::fromHttp('POST', $body));
		self::assertInstanceOf(EventRequest::class, $call);
		return $call;
	}
}
