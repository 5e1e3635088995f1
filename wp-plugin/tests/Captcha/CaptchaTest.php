<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Captcha;

use LeadTrail\Captcha\Captcha;
use LeadTrail\Captcha\CaptchaImage;
use LeadTrail\Captcha\CaptchaRow;
use PHPUnit\Framework\TestCase;

final class CaptchaTest extends TestCase
{
	private const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
	private const NOW = 1700000000;

	public function testMakesKeysOfThirtyTwoLettersAndDigits(): void
	{
		$keys = [];
		for ($i = 0; $i < 50; $i++) {
			$key = Captcha::newKey();
			self::assertMatchesRegularExpression('/^[A-Za-z0-9]{32}$/', $key);
			self::assertTrue(Captcha::isKey($key));
			$keys[$key] = true;
		}
		self::assertCount(50, $keys);
	}

	public function testRecognisesOnlyKeysOfTheRightForm(): void
	{
		foreach (['', str_repeat('a', 31), str_repeat('a', 33), str_repeat('a', 31) . '-', str_repeat('я', 32), null, 12345] as $bad) {
			self::assertFalse(Captcha::isKey($bad));
		}
	}

	public function testTheAnswerIsFourDigitsFixedByKeyAndSecret(): void
	{
		$captcha = new Captcha(self::SECRET);
		$key = Captcha::newKey();

		self::assertMatchesRegularExpression('/^[0-9]{4}$/', $captcha->answer($key));
		self::assertSame($captcha->answer($key), $captcha->answer($key));
		$others = 0;
		for ($i = 0; $i < 20; $i++) {
			$others += (new Captcha(self::SECRET . $i))->answer($key) === $captcha->answer($key) ? 0 : 1;
		}
		self::assertGreaterThan(15, $others);
	}

	public function testTheTableHoldsNeitherTheKeyNorTheAnswer(): void
	{
		$captcha = new Captcha(self::SECRET);
		$key = Captcha::newKey();
		$answer = $captcha->answer($key);

		self::assertStringNotContainsString($key, Captcha::keyHash($key));
		self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', Captcha::keyHash($key));
		self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $captcha->answerHash($key, $answer));
		self::assertNotSame($captcha->answerHash($key, $answer), $captcha->answerHash(Captcha::newKey(), $answer));
	}

	public function testAcceptsTheRightAnswerOfALiveUnusedKey(): void
	{
		[$captcha, $key, $row] = self::stored();

		self::assertTrue($captcha->accepts($row, $key, $captcha->answer($key), self::NOW));
		self::assertTrue($captcha->accepts($row, $key, ' ' . $captcha->answer($key) . ' ', self::NOW + Captcha::TTL - 1));
	}

	public function testRefusesAWrongAnswer(): void
	{
		[$captcha, $key, $row] = self::stored();
		$wrong = str_pad((string) (((int) $captcha->answer($key) + 1) % 10000), 4, '0', STR_PAD_LEFT);

		self::assertFalse($captcha->accepts($row, $key, $wrong, self::NOW));
		self::assertFalse($captcha->accepts($row, $key, null, self::NOW));
		self::assertFalse($captcha->accepts($row, $key, '', self::NOW));
	}

	public function testRefusesAnUnknownExpiredOrUsedKey(): void
	{
		[$captcha, $key, $row] = self::stored();
		$answer = $captcha->answer($key);

		self::assertFalse($captcha->accepts(null, $key, $answer, self::NOW));
		self::assertFalse($captcha->accepts($row, $key, $answer, self::NOW + Captcha::TTL));
		self::assertFalse($captcha->accepts(new CaptchaRow($row->answerHash, $row->expiresAt, true), $key, $answer, self::NOW));
		self::assertFalse(Captcha::isLive($row, self::NOW + Captcha::TTL));
		self::assertTrue(Captcha::isLive($row, self::NOW + Captcha::TTL - 1));
	}

	public function testTheAnswerOfOneKeyDoesNotOpenAnother(): void
	{
		[$captcha, $key, $row] = self::stored();
		$other = Captcha::newKey();

		self::assertFalse($captcha->accepts($row, $other, $captcha->answer($key), self::NOW) && $captcha->answer($key) !== $captcha->answer($other));
	}

	public function testDrawsAPng(): void
	{
		if (!CaptchaImage::available()) {
			self::markTestSkipped('PHP GD is not installed.');
		}
		$png = CaptchaImage::png('8315');

		self::assertStringStartsWith("\x89PNG\r\n\x1A\n", $png);
		$size = getimagesizefromstring($png);
		self::assertSame([CaptchaImage::WIDTH, CaptchaImage::HEIGHT], [$size[0] ?? null, $size[1] ?? null]);
	}

	/** @return array{Captcha, string, CaptchaRow} */
	private static function stored(): array
	{
		$captcha = new Captcha(self::SECRET);
		$key = Captcha::newKey();
		return [$captcha, $key, new CaptchaRow($captcha->answerHash($key, $captcha->answer($key)), self::NOW + Captcha::TTL, false)];
	}
}
