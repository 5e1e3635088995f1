<?php

declare(strict_types=1);

namespace LeadTrail\Tests\PhoneCalls;

use DateTimeZone;
use LeadTrail\PhoneCalls\IncomingCall;
use LeadTrail\PhoneCalls\InvalidCallField;
use PHPUnit\Framework\TestCase;

final class IncomingCallTest extends TestCase
{
	private const T = 1796627700;

	/** @param array<string, mixed> $fields */
	private static function read(array $fields): IncomingCall
	{
		return IncomingCall::fromFields($fields + [
			'called_number' => '+7 495 182-51-68',
			'caller_number' => '8 (912) 555-01-01',
			'start_time' => self::T,
			'status' => 'answered',
		], new DateTimeZone('UTC'), self::T);
	}

	public function testReadsEveryField(): void
	{
		$call = self::read(['duration' => '00:01:05', 'recording_url' => 'https://pbx.example.com/r/1.mp3', 'call_id' => 'abc-1']);
		self::assertSame(['74951825168', '79125550101', self::T, 65, true, 'https://pbx.example.com/r/1.mp3', 'abc-1'], [
			$call->called, $call->caller, $call->startedAt, $call->duration, $call->answered, $call->recordingUrl, $call->providerCallId,
		]);
	}

	public function testOptionalFieldsDefault(): void
	{
		$call = self::read([]);
		self::assertSame([0, '', null], [$call->duration, $call->recordingUrl, $call->providerCallId]);
	}

	/** @dataProvider statuses */
	public function testReadsTheStatusWordsOfUsualCallLogs(mixed $status, bool $answered): void
	{
		self::assertSame($answered, self::read(['status' => $status])->answered);
	}

	/** @return array<string, array{mixed, bool}> */
	public static function statuses(): array
	{
		return [
			'answered' => ['answered', true], 'ANSWERED (Asterisk)' => ['ANSWERED', true], 'true' => [true, true], '1' => [1, true],
			'missed' => ['missed', false], 'NO ANSWER (Asterisk)' => ['NO ANSWER', false], 'BUSY' => ['BUSY', false], 'false' => [false, false], '0' => ['0', false],
		];
	}

	/** @dataProvider malformed */
	public function testNamesTheFieldThatDoesNotFit(array $fields, string $field): void
	{
		try {
			self::read($fields);
			self::fail('accepted');
		} catch (InvalidCallField $invalid) {
			self::assertSame($field, $invalid->field);
			self::assertStringStartsWith($field . ': ', $invalid->getMessage());
		}
	}

	/** @return array<string, array{array<string, mixed>, string}> */
	public static function malformed(): array
	{
		return [
			'no called number' => [['called_number' => ''], 'called_number'],
			'a caller that is not a number' => [['caller_number' => 'anonymous'], 'caller_number'],
			'a bad time' => [['start_time' => 'now'], 'start_time'],
			'a negative duration' => [['duration' => -1], 'duration'],
			'a duration over a day' => [['duration' => 86401], 'duration'],
			'a duration in words' => [['duration' => 'long'], 'duration'],
			'an unknown status' => [['status' => 'maybe'], 'status'],
			'no status' => [['status' => ''], 'status'],
			'a javascript: recording' => [['recording_url' => 'javascript:alert(1)'], 'recording_url'],
			'a recording without a host' => [['recording_url' => 'https://'], 'recording_url'],
			'a recording with a line break' => [['recording_url' => "https://a.example/\nx"], 'recording_url'],
			'a call id too long' => [['call_id' => str_repeat('x', 192)], 'call_id'],
			'a call id with spaces' => [['call_id' => 'a b'], 'call_id'],
		];
	}

	public function testTheKeyIsTheProviderCallIdWhenGiven(): void
	{
		$one = self::read(['call_id' => 'abc-1']);
		$resent = self::read(['call_id' => 'abc-1', 'duration' => 30, 'caller_number' => '79125550199']);
		self::assertSame($one->key(), $resent->key());
		self::assertNotSame($one->key(), self::read(['call_id' => 'abc-2'])->key());
	}

	public function testWithoutAnIdTheKeyIsNumberCallerAndStartTime(): void
	{
		$one = self::read([]);
		self::assertSame($one->key(), self::read(['start_time' => '2026-12-07T10:15:00+03:00', 'duration' => 5])->key());
		self::assertNotSame($one->key(), self::read(['start_time' => self::T + 1])->key());
		self::assertNotSame($one->key(), self::read(['caller_number' => '79125550102'])->key());
		self::assertNotSame($one->key(), self::read(['called_number' => '74951825169'])->key());
		self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $one->key());
	}
}
