<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Calls\Operation;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Leads\LeadRequest;
use LeadTrail\Tests\Support\AssertsRefusals;
use LeadTrail\Tests\Support\CallFields;
use PHPUnit\Framework\TestCase;

final class LeadRequestTest extends TestCase
{
	use AssertsRefusals;

	private static function parse(string $json): LeadRequest
	{
		$call = Operation::Request->parse(JsonBody::fromJson($json));
		self::assertInstanceOf(LeadRequest::class, $call);
		return $call;
	}

	public function testIsTheOpRequestWithItsRestRoute(): void
	{
		self::assertSame(Operation::Request, Operation::fromQuery('request'));
		self::assertSame('/request', Operation::Request->restRoute());
	}

	public function testReadsIdentityAndFields(): void
	{
		$call = self::parse(CallFields::json(['name' => 'Дмитрий', 'user_fields' => ['Город' => 'Москва']]));

		self::assertSame([17, 4, 99, 'req_0123456789-ab'], [
			$call->identity()->visitorId, $call->identity()->sessionId, $call->identity()->hitId, $call->identity()->requestId,
		]);
		self::assertSame('Дмитрий', $call->fields->name);
		self::assertSame(['Город' => 'Москва'], $call->fields->userFields);
	}

	public function testChecksTheIdentityBeforeTheFields(): void
	{
		self::assertRefused(400, 'missing_request_id', 'request_id', static fn () => self::parse(CallFields::json(['request_id' => CallFields::MISSING, 'email' => 'bad'])));
		self::assertRefused(400, 'invalid_hit_id', 'hit_id', static fn () => self::parse(CallFields::json(['hit_id' => '99', 'name' => 'n'])));
	}

	public function testRefusesTheSeedsSaleCostWithoutASale(): void
	{
		self::assertRefused(400, 'invalid_is_sale', 'is_sale', static fn () => self::parse(CallFields::json(['name' => 'n', 'sale_cost' => '9999'])));
	}

	public function testNamesTheFieldWithInvalidUtf8(): void
	{
		self::assertRefused(400, 'invalid_message', 'message', static fn () => self::parse(CallFields::jsonWithBadBytes(['name' => 'n'], 'message')));
	}

	public function testRefusesUserFieldsGivenAsAnArray(): void
	{
		self::assertRefused(400, 'invalid_user_fields', 'user_fields', static fn () => self::parse(CallFields::json(['name' => 'n', 'user_fields' => ['a']])));
	}

	public function testIgnoresOtherKeys(): void
	{
		self::assertSame('n', self::parse(CallFields::json(['name' => 'n', 'website' => 'x', 'uri' => 'y']))->fields->name);
	}
}
