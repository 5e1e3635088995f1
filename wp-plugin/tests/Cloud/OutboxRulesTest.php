<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Cloud;

use LeadTrail\Cloud\Backoff;
use LeadTrail\Cloud\Delivery;
use LeadTrail\Cloud\ForwardPayload;
use LeadTrail\Cloud\Outbox;
use LeadTrail\Cloud\SendResult;
use LeadTrail\Integrations\CapturedIdentity;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Leads\LeadInput;
use PHPUnit\Framework\TestCase;

final class OutboxRulesTest extends TestCase
{
	public function testBackoffDoublesFromAMinuteToSixHoursThenGivesUp(): void
	{
		$delays = array_map(static fn (int $n): ?int => Backoff::delay($n), range(1, 12));
		self::assertSame([60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600, 21600, null], $delays);
	}

	public function testAfterATimeoutTheRetryWaitsAtLeastFifteenMinutes(): void
	{
		self::assertSame(900, Backoff::delay(1, true));
		self::assertSame(3840, Backoff::delay(7, true));
		self::assertNull(Backoff::delay(12, true));
	}

	public function testDeliveredOnlyOnSuccessTrue(): void
	{
		self::assertSame(SendResult::DELIVERED, SendResult::fromAnswer(200, '{"success": true}')->kind);
		self::assertSame(SendResult::DELIVERED, SendResult::fromAnswer(200, '{"success":true,"result":null}')->kind);
		self::assertSame('HTTP 200, success: false invalid_site_key', SendResult::fromAnswer(200, '{"success":false,"result":{"code":"invalid_site_key"}}')->error);
		self::assertSame('HTTP 200, not an A6 answer', SendResult::fromAnswer(200, '{"success":"true"}')->error);
		self::assertSame('HTTP 500, not an A6 answer', SendResult::fromAnswer(500, 'oops')->error);
		self::assertSame(SendResult::FAILED, SendResult::fromAnswer(302, '{"success":true}')->kind);
	}

	public function testTheStateMachine(): void
	{
		$now = 1_700_000_000;
		self::assertTrue(Delivery::claimable(Delivery::PENDING, $now, null, $now, Outbox::LEASE));
		self::assertFalse(Delivery::claimable(Delivery::PENDING, $now + 1, null, $now, Outbox::LEASE));
		self::assertTrue(Delivery::claimable(Delivery::FAILED, $now - 5, null, $now, Outbox::LEASE));
		self::assertFalse(Delivery::claimable(Delivery::FAILED, null, null, $now, Outbox::LEASE), 'given up');
		self::assertFalse(Delivery::claimable(Delivery::SENDING, null, $now - 60, $now, Outbox::LEASE), 'in flight: never sent twice at once');
		self::assertTrue(Delivery::claimable(Delivery::SENDING, null, $now - Outbox::LEASE - 1, $now, Outbox::LEASE), 'abandoned by a dead worker');
		self::assertFalse(Delivery::claimable(Delivery::DELIVERED, $now, null, $now, Outbox::LEASE));

		$done = Delivery::after(SendResult::delivered(), 3, $now);
		self::assertSame([Delivery::DELIVERED, null, ''], [$done->state, $done->nextTryAt, $done->lastError]);
		$failed = Delivery::after(SendResult::failed('HTTP 500'), 1, $now);
		self::assertSame([Delivery::FAILED, $now + 60, 'HTTP 500'], [$failed->state, $failed->nextTryAt, $failed->lastError]);
		$late = Delivery::after(SendResult::timedOut('timed out'), 1, $now);
		self::assertSame($now + 900, $late->nextTryAt);
		$blocked = Delivery::after(SendResult::blocked('Not sent: not https'), 1, $now);
		self::assertSame([Delivery::FAILED, null], [$blocked->state, $blocked->nextTryAt]);
		self::assertNull(Delivery::after(SendResult::failed('x'), Backoff::MAX_ATTEMPTS, $now)->nextTryAt);

		self::assertSame(Delivery::PENDING, Delivery::resend(Delivery::FAILED, $now)?->state);
		self::assertNull(Delivery::resend(Delivery::DELIVERED, $now), 'a delivered lead is never resent');
		self::assertNull(Delivery::resend(Delivery::SENDING, $now), 'nor one in flight');
	}

	public function testThePayloadHasA6sFieldsAndTheTarget(): void
	{
		$who = CapturedIdentity::fromFields([
			'site_key' => 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', 'visitor_id' => '17258569', 'session_id' => '255544855',
			'hit_id' => '546833568748', 'uri' => 'https://shop.example/', 'consultant_server_url' => 'https://server.comagic.ru/',
		]);
		self::assertNotNull($who);
		$fields = LeadFields::read(LeadInput::fromValues([
			'name' => 'Дмитрий', 'phone' => '79123456789', 'text' => 'Онлайн заказ', 'is_sale' => true, 'sale_cost' => '9999',
			'user_fields' => ['Город' => 'Москва'],
		]), 'text');
		self::assertSame([
			'site_key' => 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75',
			'visitor_id' => '17258569',
			'hit_id' => '546833568748',
			'session_id' => '255544855',
			'name' => 'Дмитрий',
			'phone' => '79123456789',
			'text' => "Онлайн заказ\n\nГород: Москва",
			'is_sale' => 'true',
			'sale_cost' => '9999.00',
			'uri' => 'https://shop.example/',
		], ForwardPayload::of($who->asVendor(), $fields));
		self::assertSame('https://server.comagic.ru/api/add_offline_message/', ForwardPayload::target('https://server.comagic.ru/'));
		self::assertSame('https://server.comagic.ru/api/add_offline_message/', ForwardPayload::target('https://server.comagic.ru'));
		self::assertSame('https://s.uiscom.ru/cs/api/add_offline_message/', ForwardPayload::target('https://s.uiscom.ru/cs/?x=1'));
	}
}
