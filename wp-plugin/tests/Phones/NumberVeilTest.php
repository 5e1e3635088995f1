<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Phones;

use LeadTrail\Phones\NumberVeil;
use PHPUnit\Framework\TestCase;

/**
 * The embed's veil over the known number elements (in Chromium: test/e2e/phone-numbers.test.ts).
 */
final class NumberVeilTest extends TestCase
{
	public function testASiteWithoutNumbersHidesNothing(): void
	{
		self::assertSame('', NumberVeil::script(false));
	}

	public function testASiteWithNumbersHidesTheMarkedElementsAndTelLinksKeepingTheirBoxForAShortWhile(): void
	{
		$script = NumberVeil::script(true);

		self::assertStringContainsString("s.id='leadtrail-phones-hide'", $script);
		self::assertStringContainsString('.comagic_phone,', $script);
		self::assertStringContainsString('a[href^="tel:" i]{visibility:hidden!important}', $script);
		self::assertStringNotContainsString('display', $script);
		self::assertStringContainsString('setTimeout(function(){s.remove()},1500)', $script);
		self::assertStringNotContainsString('</', $script);
	}
}
