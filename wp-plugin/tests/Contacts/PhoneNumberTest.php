<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Contacts;

use LeadTrail\Contacts\PhoneNumber;
use PHPUnit\Framework\TestCase;

final class PhoneNumberTest extends TestCase
{
	/** @dataProvider phones */
	public function testKeepsTheDigits(string $phone, string $digits): void
	{
		self::assertSame($digits, PhoneNumber::normalize($phone));
	}

	/** @return array<string, array{string, string}> */
	public static function phones(): array
	{
		return [
			'international' => ['+7 (999) 123-45-67', '79991234567'],
			'domestic' => ['8 (800) 555-35-35', '88005553535'],
			'dots' => ['495.123.45.67', '4951234567'],
			'digits only' => ['79991234567', '79991234567'],
			'7 digits' => ['123-45-67', '1234567'],
			'15 digits' => ['+123 456 789 012 345', '123456789012345'],
		];
	}

	/** @dataProvider notPhones */
	public function testRefusesWhatIsNotANumber(string $phone): void
	{
		self::assertNull(PhoneNumber::normalize($phone));
	}

	/** @return array<string, array{string}> */
	public static function notPhones(): array
	{
		return [
			'empty' => [''],
			'6 digits' => ['12-34-56'],
			'16 digits' => ['1234567890123456'],
			'letters' => ['8 800 555 CALL'],
			'extension' => ['+7 999 123 45 67 ext 12'],
			'slash' => ['8800/5553535'],
			'tab' => ["8800\t5553535"],
			'Arabic-Indic digits' => ['٧٩٩٩١٢٣٤٥٦٧'],
			'only separators' => ['+() -.'],
		];
	}
}
