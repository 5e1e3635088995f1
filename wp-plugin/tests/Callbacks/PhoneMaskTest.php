<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Callbacks;

use LeadTrail\Callbacks\PhoneMask;
use PHPUnit\Framework\TestCase;

final class PhoneMaskTest extends TestCase
{
	/** @dataProvider masks */
	public function testAcceptsOnlyMasksWithSevenToFifteenDigitsInFortyCharacters(mixed $value, ?string $expected): void
	{
		self::assertSame($expected, PhoneMask::parse($value));
	}

	/** @return array<string, array{mixed, ?string}> */
	public static function masks(): array
	{
		return [
			'the contract\'s example' => ['+7 (___) ___-__-__', '+7 (___) ___-__-__'],
			'trimmed' => ['  +7 (___) ___-__-__ ', '+7 (___) ___-__-__'],
			'empty: none' => ['', ''],
			'blank: none' => ['   ', ''],
			'null: none' => [null, ''],
			'seven digits' => [str_repeat('_', 7), str_repeat('_', 7)],
			'six digits' => [str_repeat('_', 6), null],
			'fifteen digits' => [str_repeat('_', 15), str_repeat('_', 15)],
			'sixteen digits' => [str_repeat('_', 16), null],
			'the seed\'s mask (too few digits)' => ['1 () __-__', null],
			'forty characters' => [str_repeat('(', 33) . str_repeat('_', 7), str_repeat('(', 33) . str_repeat('_', 7)],
			'forty-one characters' => [str_repeat('(', 34) . str_repeat('_', 7), null],
			'forty Cyrillic characters' => [str_repeat('т', 33) . str_repeat('_', 7), str_repeat('т', 33) . str_repeat('_', 7)],
			'a line break' => ["+7 (___)\n___-__-__", null],
			'invalid UTF-8' => ["+7 \xFF (___) ___-__-__", null],
			'an array' => [['+7 (___) ___-__-__'], null],
			'script stays text' => ['</script>_______', '</script>_______'],
		];
	}
}
