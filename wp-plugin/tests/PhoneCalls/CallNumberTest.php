<?php

declare(strict_types=1);

namespace LeadTrail\Tests\PhoneCalls;

use LeadTrail\PhoneCalls\CallNumber;
use PHPUnit\Framework\TestCase;

final class CallNumberTest extends TestCase
{
	/** @dataProvider numbers */
	public function testNormalisesToE164DigitsOrRefuses(mixed $given, ?string $expected): void
	{
		self::assertSame($expected, CallNumber::normalize($given));
	}

	/** @return array<string, array{mixed, ?string}> */
	public static function numbers(): array
	{
		return [
			'international format' => ['+7 (495) 182-51-68', '74951825168'],
			'Russian trunk prefix 8' => ['8 495 182 51 68', '74951825168'],
			'bare digits' => ['74951825168', '74951825168'],
			'00 prefix of PBX logs' => ['0074951825168', '74951825168'],
			'dots and slashes' => ['+1.212.555/0100', '12125550100'],
			'an integer from JSON' => [74951825168, '74951825168'],
			'an 8 that is not a trunk prefix (12 digits)' => ['849518251680', '849518251680'],
			'too short' => ['123456', null],
			'too long' => ['+1234567890123456', null],
			'letters' => ['call me', null],
			'leading zero after +' => ['+0495 1825168', null],
			'empty' => ['', null],
			'an array' => [['7495'], null],
			'a float' => [7.4951825168e10, null],
		];
	}
}
