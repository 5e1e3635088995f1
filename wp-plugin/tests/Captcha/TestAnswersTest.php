<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Captcha;

use LeadTrail\Captcha\TestAnswers;
use PHPUnit\Framework\TestCase;

final class TestAnswersTest extends TestCase
{
	public function testIsOnOnlyOnATestSiteWhoseSwitchIsExactlyOne(): void
	{
		self::assertTrue(TestAnswers::isOn(true, '1'));
		foreach ([null, '', '0', ' 1', '1 ', 'yes', 'true', '01'] as $switch) {
			self::assertFalse(TestAnswers::isOn(true, $switch), var_export($switch, true));
		}
		self::assertFalse(TestAnswers::isOn(false, '1'));
	}
}
