<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\Refusal;

/**
 * Assertions on the contract's refusals, thrown or answered.
 */
trait AssertsRefusals
{
	private static function assertRefused(int $status, string $code, string $field, callable $parse): void
	{
		try {
			$parse();
		} catch (Refusal $refusal) {
			self::assertSame([$status, $code, $field], [$refusal->status, $refusal->errorCode, $refusal->field]);
			self::assertNotSame('', $refusal->getMessage());
			return;
		}
		self::fail("Expected the refusal {$code}.");
	}

	private static function assertRefusal(int $status, string $code, string $field, Answer $answer): void
	{
		self::assertSame($status, $answer->status);
		self::assertFalse($answer->body['success']);
		self::assertSame($code, $answer->body['result']['code']);
		self::assertSame($field, $answer->body['result']['field']);
		self::assertNotSame('', $answer->body['result']['message']);
	}
}
