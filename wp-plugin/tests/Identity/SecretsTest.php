<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Identity;

use LeadTrail\Identity\Secrets;
use PHPUnit\Framework\TestCase;

final class SecretsTest extends TestCase
{
	public function testSiteKeyIs32LettersAndDigits(): void
	{
		$key = Secrets::siteKey();

		self::assertMatchesRegularExpression('/^[A-Za-z0-9]{32}$/', $key);
		self::assertNotSame($key, Secrets::siteKey());
	}

	public function testTokenSecretIs64HexCharacters(): void
	{
		$secret = Secrets::tokenSecret();

		self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $secret);
		self::assertNotSame($secret, Secrets::tokenSecret());
	}
}
