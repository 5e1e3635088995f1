<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Chat;

use LeadTrail\Chat\ChatText;
use LeadTrail\Chat\VisitorChatRequest;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\LeanRoute;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class VisitorChatRequestTest extends TestCase
{
	use AssertsRefusals;

	private const WHO = ['visitor_id' => 4294967301, 'token' => '4294967301.abc'];

	public function testAPollNeedsOnlyTheVisitorAndItsToken(): void
	{
		$poll = self::parse(self::WHO);
		self::assertSame([4294967301, '4294967301.abc', 0, null, false, null], [$poll->visitorId, $poll->token, $poll->after, $poll->text, $poll->typing, $poll->page]);
	}

	public function testAMessageIsTrimmedAndKeptAsGiven(): void
	{
		$poll = self::parse(self::WHO + ['after' => 12, 'text' => "  <b>Привет</b>\n", 'request_id' => str_repeat('a', 32), 'typing' => true, 'page' => 'https://shop.example/x']);
		self::assertSame(['<b>Привет</b>', 12, str_repeat('a', 32), true, 'https://shop.example/x'], [$poll->text, $poll->after, $poll->requestId, $poll->typing, $poll->page]);
	}

	public function testTheFirstBadFieldIsNamed(): void
	{
		self::assertRefused(400, 'missing_visitor_id', 'visitor_id', static fn () => self::parse(['token' => 'x']));
		self::assertRefused(400, 'missing_token', 'token', static fn () => self::parse(['visitor_id' => 5]));
		self::assertRefused(400, 'invalid_after', 'after', static fn () => self::parse(self::WHO + ['after' => -1]));
		self::assertRefused(400, 'invalid_after', 'after', static fn () => self::parse(self::WHO + ['after' => '3']));
		self::assertRefused(400, 'invalid_text', 'text', static fn () => self::parse(self::WHO + ['text' => '   ']));
		self::assertRefused(400, 'invalid_text', 'text', static fn () => self::parse(self::WHO + ['text' => ['hi']]));
		self::assertRefused(400, 'invalid_text', 'text', static fn () => self::parse(self::WHO + ['text' => str_repeat('я', ChatText::MAX + 1)]));
		self::assertRefused(400, 'invalid_request_id', 'request_id', static fn () => self::parse(self::WHO + ['request_id' => 'short']));
		self::assertRefused(400, 'invalid_typing', 'typing', static fn () => self::parse(self::WHO + ['typing' => 1]));
		self::assertRefused(400, 'invalid_page', 'page', static fn () => self::parse(self::WHO + ['page' => 'javascript:alert(1)']));
	}

	public function testTheLongestMessageIsAccepted(): void
	{
		self::assertSame(ChatText::MAX, mb_strlen((string) self::parse(self::WHO + ['text' => str_repeat('я', ChatText::MAX)])->text));
	}

	public function testTheLeanEndpointServesBothChatRoutesWithTheirMethods(): void
	{
		self::assertSame('GET', LeanRoute::fromQuery('chat_status')?->method());
		self::assertSame('POST', LeanRoute::fromQuery('chat')?->method());
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => LeanRoute::Chat->checkMethod('GET'));
		self::assertSame(503, LeanRoute::Chat->unavailable()->status);
	}

	/** @param array<string, mixed> $fields */
	private static function parse(array $fields): VisitorChatRequest
	{
		return VisitorChatRequest::fromBody(JsonBody::fromJson((string) json_encode($fields)));
	}
}
