<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Identity;

use LeadTrail\Identity\Secrets;
use LeadTrail\Identity\SiteKey;
use PHPUnit\Framework\TestCase;

final class SiteKeyTest extends TestCase
{
	/** @dataProvider vendorKeys */
	public function testTakesKeysAsTheVendorIssuesThem(string $key): void
	{
		self::assertTrue(SiteKey::isValid($key));
	}

	/** @return array<string, array{string}> */
	public static function vendorKeys(): array
	{
		return [
			'letters and digits' => ['VcB4qqpO1WPSopO670cAbXwAH9Ryaw75'],
			'underscores inside' => ['MeeQnE5up4R0LFblvN_2_wxoPbWtDs1p'],
			'an underscore first' => ['_7RXLiZ8Ggqdmi_ID2AdxggYh_rlT2UT'],
			'hyphens' => ['ab-cd_EF-gh_0123456789-_ABCDEFGH'],
		];
	}

	public function testOurOwnKeysAreSiteKeys(): void
	{
		self::assertTrue(SiteKey::isValid(Secrets::siteKey()));
	}

	/** @dataProvider notKeys */
	public function testRefusesOtherLengthsAndCharacters(mixed $key): void
	{
		self::assertFalse(SiteKey::isValid($key));
	}

	/** @return array<string, array{mixed}> */
	public static function notKeys(): array
	{
		return [
			'31 characters' => [str_repeat('a_', 15) . 'b'],
			'33 characters' => [str_repeat('a-', 16) . 'b'],
			'a dot' => ['MeeQnE5up4R0LFblvN.2_wxoPbWtDs1p'],
			'a space' => ['MeeQnE5up4R0LFblvN 2_wxoPbWtDs1p'],
			'a plus' => ['MeeQnE5up4R0LFblvN+2_wxoPbWtDs1p'],
			'a Cyrillic letter' => ['MeeQnE5up4R0LFblvNж_wxoPbWtDs1p'],
			'a trailing newline' => ["MeeQnE5up4R0LFblvN_2_wxoPbWtDs1p\n"],
			'empty' => [''],
			'a number' => [12345678901234567890],
			'null' => [null],
			'an array' => [['MeeQnE5up4R0LFblvN_2_wxoPbWtDs1p']],
		];
	}
}
