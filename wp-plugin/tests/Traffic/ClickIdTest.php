<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Traffic;

use LeadTrail\Phones\NumberRule;
use LeadTrail\Traffic\ClickId;
use PHPUnit\Framework\TestCase;

final class ClickIdTest extends TestCase
{
	public function testEveryIdOfTheAddressInOrderOfPrecedence(): void
	{
		$ids = ClickId::all('https://shop.example/?ysclid=y&fbclid=f&yclid=1&msclkid=m&gclid=g');

		self::assertSame(['gclid', 'msclkid', 'yclid', 'fbclid', 'ysclid'], array_map(static fn (ClickId $id): string => $id->name, $ids));
		self::assertSame([true, true, true, true, false], array_map(static fn (ClickId $id): bool => $id->isPaid(), $ids));
		self::assertSame(['google', 'cpc'], $ids[0]->sourceAndMedium());
		self::assertSame(['yandex', 'organic'], $ids[4]->sourceAndMedium());
	}

	public function testAValueIsTrimmedAndCutToItsColumn(): void
	{
		self::assertSame('abc', ClickId::fromUrl('https://shop.example/?gclid=%20abc%20')?->value);
		self::assertSame(255, strlen((string) ClickId::fromUrl('https://shop.example/?gclid=' . str_repeat('a', 300))?->value));
		self::assertNull(ClickId::fromUrl('https://shop.example/'));
		self::assertNull(ClickId::fromUrl('not a url'));
	}

	public function testThePhoneNumberRulesKnowTheSamePaidClickIds(): void
	{
		self::assertEqualsCanonicalizing(array_keys(ClickId::PAID), NumberRule::CLICK_IDS);
	}
}
