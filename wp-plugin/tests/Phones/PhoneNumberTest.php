<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Phones;

use LeadTrail\Phones\PhoneNumber;
use PHPUnit\Framework\TestCase;

final class PhoneNumberTest extends TestCase
{
	/** @dataProvider usualFormats */
	public function testEveryUsualFormatIsStoredAsItsE164Digits(string $typed, string $digits): void
	{
		self::assertSame($digits, PhoneNumber::normalise($typed));
	}

	/** @return array<string, array{string, string}> */
	public static function usualFormats(): array
	{
		return [
			'international with brackets' => ['+7 (495) 182-51-68', '74951825168'],
			'national trunk 8' => ['8 495 182 51 68', '74951825168'],
			'bare digits' => ['74951825168', '74951825168'],
			'dots and spaces around' => ['  +1.555.123.4567 ', '15551234567'],
			'a +8 country code stays' => ['+81 3 1234 5678', '81312345678'],
		];
	}

	/** @dataProvider notNumbers */
	public function testWhatIsNotAPhoneNumberIsRefused(string $typed): void
	{
		self::assertNull(PhoneNumber::normalise($typed));
	}

	/** @return array<string, array{string}> */
	public static function notNumbers(): array
	{
		return [
			'empty' => [''],
			'letters' => ['+7 495 CALL-NOW'],
			'too short' => ['123-45'],
			'too long' => ['+7 495 182 51 68 123 45'],
			'leading zero' => ['0495 182 51 68'],
			'two numbers' => ['+7 495 1825168, +7 495 1825169'],
		];
	}

	public function testNumbersAreShownFormatted(): void
	{
		self::assertSame('+7 (495) 182-51-68', PhoneNumber::format('74951825168'));
		self::assertSame('+1 (555) 123-4567', PhoneNumber::format('15551234567'));
		self::assertSame('+81312345678', PhoneNumber::format('81312345678'));
	}
}
