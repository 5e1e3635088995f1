<?php

declare(strict_types=1);

namespace LeadTrail\Tests\PhoneCalls;

use LeadTrail\PhoneCalls\CallToken;
use PHPUnit\Framework\TestCase;

final class CallTokenTest extends TestCase
{
	private const TOKEN = 'CallsTokenForTheEndToEndSuite0123456789abcdefghi';

	public function testTheBearerHeaderComesBeforeTheField(): void
	{
		self::assertSame('a1', CallToken::given('Bearer a1', 'b2'));
		self::assertSame('a1', CallToken::given('  bearer   a1 ', null));
		self::assertSame('b2', CallToken::given(null, 'b2'));
		self::assertSame('b2', CallToken::given('Basic dXNlcjpwYXNz', 'b2'));
		self::assertNull(CallToken::given(null, ''));
		self::assertNull(CallToken::given(null, ['b2']));
	}

	public function testMatchesOnlyTheStoredWellFormedToken(): void
	{
		self::assertTrue(CallToken::matches(self::TOKEN, self::TOKEN));
		self::assertFalse(CallToken::matches(self::TOKEN, substr(self::TOKEN, 0, -1)));
		self::assertFalse(CallToken::matches(self::TOKEN, self::TOKEN . 'x'));
		// A site with no token (or a broken one) accepts nothing, not even the same text.
		self::assertFalse(CallToken::matches('', ''));
		self::assertFalse(CallToken::matches('short', 'short'));
	}

	public function testFreshTokensAreFortyEightLettersAndDigitsAndDiffer(): void
	{
		$one = CallToken::fresh();
		self::assertMatchesRegularExpression('/^[A-Za-z0-9]{48}$/', $one);
		self::assertNotSame($one, CallToken::fresh());
	}
}
