<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Calls;

use LeadTrail\Calls\CallIdentity;
use LeadTrail\Calls\EventRequest;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class CallIdentityTest extends TestCase
{
	use AssertsRefusals;

	public function testReadsTheIdentityAndTheKey(): void
	{
		$identity = CallIdentity::fromBody(JsonBody::fromFields(self::fields()));

		self::assertSame([17, 4, 99, '17.sig', 'req_0123456789-ab'], [
			$identity->visitorId,
			$identity->sessionId,
			$identity->hitId,
			$identity->token,
			$identity->requestId,
		]);
	}

	public function testAcceptsRequestIdsOf16And64Characters(): void
	{
		foreach ([str_repeat('a', 16), str_repeat('Z', 64)] as $key) {
			self::assertSame($key, CallIdentity::fromBody(JsonBody::fromFields(self::fields(['request_id' => $key])))->requestId);
		}
	}

	/**
	 * @dataProvider badIdentities
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

		self::assertRefused(400, $code, $field, static fn () => CallIdentity::fromBody(JsonBody::fromFields($fields)));
	}

	/** @return array<string, array{array<string, mixed>, string, string}> */
	public static function badIdentities(): array
	{
		$missing = self::class;
		$cases = [];
		foreach (['visitor_id', 'session_id', 'hit_id'] as $id) {
			$cases["{$id} missing"] = [[$id => $missing], "missing_{$id}", $id];
			$cases["{$id} a string"] = [[$id => '5'], "invalid_{$id}", $id];
			$cases["{$id} a float"] = [[$id => 5.5], "invalid_{$id}", $id];
			$cases["{$id} zero"] = [[$id => 0], "invalid_{$id}", $id];
			$cases["{$id} negative"] = [[$id => -1], "invalid_{$id}", $id];
			$cases["{$id} null"] = [[$id => null], "invalid_{$id}", $id];
			$cases["{$id} true"] = [[$id => true], "invalid_{$id}", $id];
		}
		return $cases + [
			'token missing' => [['token' => $missing], 'missing_token', 'token'],
			'token a number' => [['token' => 17], 'invalid_token', 'token'],
			'token empty' => [['token' => ''], 'invalid_token', 'token'],
			'token too long' => [['token' => str_repeat('t', 129)], 'invalid_token', 'token'],
			'token not UTF-8' => [['token' => "17.\xFF"], 'invalid_token', 'token'],
			'request_id missing' => [['request_id' => $missing], 'missing_request_id', 'request_id'],
			'request_id a number' => [['request_id' => 1234567890123456], 'invalid_request_id', 'request_id'],
			'request_id 15 characters' => [['request_id' => str_repeat('a', 15)], 'invalid_request_id', 'request_id'],
			'request_id 65 characters' => [['request_id' => str_repeat('a', 65)], 'invalid_request_id', 'request_id'],
			'request_id with a dot' => [['request_id' => 'abcdefgh.ijklmnop'], 'invalid_request_id', 'request_id'],
			'request_id with a space' => [['request_id' => 'abcdefgh ijklmnop'], 'invalid_request_id', 'request_id'],
			'request_id Cyrillic' => [['request_id' => str_repeat('я', 16)], 'invalid_request_id', 'request_id'],
			'request_id not UTF-8' => [['request_id' => str_repeat("\xFF", 16)], 'invalid_request_id', 'request_id'],
		];
	}

	public function testChecksTheIdentityInContractOrderBeforeTheOperationsFields(): void
	{
		$fields = self::fields(['hit_id' => 'x', 'token' => 5, 'category' => 5]);

		self::assertRefused(400, 'invalid_hit_id', 'hit_id', static fn () => EventRequest::fromBody(JsonBody::fromFields($fields)));
	}

	/**
	 * @param array<string, mixed> $changes
	 * @return array<string, mixed>
	 */
	private static function fields(array $changes = []): array
	{
		return array_merge([
			'visitor_id' => 17,
			'session_id' => 4,
			'hit_id' => 99,
			'token' => '17.sig',
			'request_id' => 'req_0123456789-ab',
		], $changes);
	}
}
