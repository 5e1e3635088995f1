<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Identity;

use LeadTrail\Identity\Token;
use PHPUnit\Framework\TestCase;

final class TokenTest extends TestCase
{
	private const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

	public function testTokenFollowsTheContractFormat(): void
	{
		$mac = hash_hmac('sha256', 'visitor|42', self::SECRET, true);
		$expected = '42.' . rtrim(strtr(base64_encode($mac), '+/', '-_'), '=');

		$token = (new Token(self::SECRET))->issue(42);

		self::assertSame($expected, $token);
		self::assertMatchesRegularExpression('/^42\.[A-Za-z0-9_-]{43}$/', $token);
	}

	public function testAcceptsItsOwnToken(): void
	{
		$tokens = new Token(self::SECRET);

		self::assertTrue($tokens->verify(42, $tokens->issue(42)));
	}

	public function testRefusesATamperedToken(): void
	{
		$tokens = new Token(self::SECRET);
		$token = $tokens->issue(42);
		$last = substr($token, -1);
		$tampered = substr($token, 0, -1) . ($last === 'A' ? 'B' : 'A');

		self::assertFalse($tokens->verify(42, $tampered));
		self::assertFalse($tokens->verify(42, $token . 'A'));
		self::assertFalse($tokens->verify(42, ''));
	}

	public function testRefusesATokenOfAnotherVisitor(): void
	{
		$tokens = new Token(self::SECRET);

		self::assertFalse($tokens->verify(43, $tokens->issue(42)));
		self::assertFalse($tokens->verify(43, '43.' . explode('.', $tokens->issue(42))[1]));
	}

	public function testRefusesATokenSignedWithAnotherSecret(): void
	{
		$other = new Token(str_repeat('f', 64));

		self::assertFalse((new Token(self::SECRET))->verify(42, $other->issue(42)));
	}
}
