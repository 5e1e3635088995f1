<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Ingest\JsonBody;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class JsonBodyTest extends TestCase
{
	use AssertsRefusals;

	public function testAnOptionalStringIsNullWhenAbsentOrNull(): void
	{
		$body = JsonBody::fromJson('{"a": null}');

		self::assertNull($body->optionalString('a', 10));
		self::assertNull($body->optionalString('b', 10));
		self::assertTrue($body->has('a'));
		self::assertFalse($body->has('b'));
	}

	public function testNumbersAreTextOnlyWhereAllowed(): void
	{
		$body = JsonBody::fromJson('{"n": 12}');

		self::assertSame('12', $body->optionalString('n', 10, true));
		self::assertRefused(400, 'invalid_n', 'n', static fn () => $body->optionalString('n', 10));
		self::assertRefused(400, 'invalid_n', 'n', static fn () => $body->string('n', 10));
	}

	public function testANumbersTextCountsTowardsTheLimit(): void
	{
		$body = JsonBody::fromJson('{"n": 123456}');

		self::assertRefused(400, 'invalid_n', 'n', static fn () => $body->optionalString('n', 5, true));
	}

	public function testMethodSizeAndJsonAreCheckedFirst(): void
	{
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => JsonBody::fromHttp('PUT', '{}'));
		self::assertRefused(413, 'payload_too_large', 'body', static fn () => JsonBody::fromHttp('POST', str_repeat(' ', JsonBody::MAX_BYTES + 1)));
		self::assertRefused(400, 'invalid_json', 'body', static fn () => JsonBody::fromHttp('POST', '[]'));
		self::assertInstanceOf(JsonBody::class, JsonBody::fromHttp('post', '{}'));
	}
}
