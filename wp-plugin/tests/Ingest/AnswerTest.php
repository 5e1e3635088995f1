<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Identity\Token;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\RecordedHit;
use LeadTrail\Ingest\Refusal;
use PHPUnit\Framework\TestCase;

final class AnswerTest extends TestCase
{
	public function testASuccessWrapsTheRecordedIds(): void
	{
		$token = new Token(str_repeat('a', 64));
		$answer = Answer::success((new RecordedHit(3, 5, 8, false, 1700000000))->result($token));

		self::assertSame(200, $answer->status);
		self::assertSame([
			'success' => true,
			'result' => [
				'visitor_id' => 3,
				'session_id' => 5,
				'hit_id' => 8,
				'token' => $token->issue(3),
				'comagic_id' => '3.5.1700000000',
				'new_session' => false,
			],
		], $answer->body);
	}

	public function testARefusalCarriesCodeFieldAndMessage(): void
	{
		$answer = Answer::refusal(Refusal::missing('url'));

		self::assertSame(400, $answer->status);
		self::assertSame(
			['success' => false, 'result' => ['code' => 'missing_url', 'field' => 'url', 'message' => 'url is required.']],
			$answer->body
		);
		self::assertSame([], $answer->headers);
	}

	public function testA405NamesTheAllowedMethod(): void
	{
		$answer = Answer::refusal(new Refusal(405, 'method_not_allowed', 'method', 'Only POST is allowed.'));

		self::assertSame(['Allow' => 'POST'], $answer->headers);
	}

	public function testADoneAnswerIsExactlySuccessTrue(): void
	{
		self::assertSame('{"success":true}', Answer::done()->json());
	}

	public function testAResultKeepsAMapAnObjectAndTextUnescaped(): void
	{
		self::assertSame('{"success":true,"result":{}}', Answer::result(new \stdClass())->json());
		self::assertSame('{"success":true,"result":"Потенциальный / x"}', Answer::result('Потенциальный / x')->json());
		self::assertSame('{"success":true,"result":false}', Answer::result(false)->json());
	}

	public function testAStoredAnswerComesBackByteForByte(): void
	{
		$json = Answer::result('значение')->json();

		self::assertSame($json, Answer::fromJson($json)->json());
		self::assertSame(200, Answer::fromJson($json)->status);
	}

	public function testA405OfTheTrackerNamesGet(): void
	{
		$answer = Answer::refusal(new Refusal(405, 'method_not_allowed', 'method', 'Only GET is allowed.'), 'GET');

		self::assertSame(['Allow' => 'GET'], $answer->headers);
	}
}
