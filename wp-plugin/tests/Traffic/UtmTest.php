<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Traffic;

use LeadTrail\Traffic\Utm;
use PHPUnit\Framework\TestCase;

final class UtmTest extends TestCase
{
	public function testReadsAllFiveTags(): void
	{
		$utm = Utm::fromUrl('https://shop.example/p?utm_source=google&utm_medium=cpc&utm_campaign=spring&utm_term=red+shoes&utm_content=banner&x=1');

		self::assertSame(['google', 'cpc', 'spring', 'red shoes', 'banner'], [$utm->source, $utm->medium, $utm->campaign, $utm->term, $utm->content]);
		self::assertFalse($utm->isEmpty());
	}

	public function testAUrlWithoutTagsIsEmpty(): void
	{
		self::assertTrue(Utm::fromUrl('https://shop.example/p?x=1#utm_source=ignored')->isEmpty());
		self::assertTrue(Utm::fromUrl('https://shop.example/')->isEmpty());
	}

	public function testDecodesPercentEncodedUtf8(): void
	{
		self::assertSame('весна', Utm::fromUrl('https://shop.example/?utm_campaign=%D0%B2%D0%B5%D1%81%D0%BD%D0%B0')->campaign);
	}

	public function testDropsValuesThatAreNotReadableText(): void
	{
		$utm = Utm::fromUrl('https://shop.example/?utm_source[]=a&utm_campaign=%FF%FE&utm_medium=%20email%20');

		self::assertSame('', $utm->source);
		self::assertSame('', $utm->campaign);
		self::assertSame('email', $utm->medium);
	}

	public function testCutsLongValuesToTheColumnWidth(): void
	{
		$utm = Utm::fromUrl('https://shop.example/?utm_term=' . str_repeat('%D1%8F', 300));

		self::assertSame(str_repeat('я', Utm::MAX_LENGTH), $utm->term);
	}
}
