<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use LeadTrail\Admin\CsvCell;
use PHPUnit\Framework\TestCase;

final class CsvCellTest extends TestCase
{
	/** @dataProvider formulas */
	public function testNeutralisesFormulas(string $cell): void
	{
		self::assertSame("'" . $cell, CsvCell::neutralise($cell));
	}

	/** @return array<string, array{string}> */
	public static function formulas(): array
	{
		return [
			'equals' => ['=HYPERLINK("http://evil","x")'],
			'plus' => ['+1+cmd|\' /C calc\'!A0'],
			'minus' => ['-2+3'],
			'at' => ['@SUM(A1:A2)'],
			'tab' => ["\t=1"],
			'carriage return' => ["\r=1"],
			'after a space' => [' =1+1'],
			'after spaces and tabs' => [" \t +1"],
			'after a line feed' => ["\n=cmd|' /C calc'!A0"],
			'after a carriage return and line feed' => ["\r\n@SUM(A1:A2)"],
			'after a no-break space' => ["\u{00A0}=1"],
			'after an ideographic space' => ["\u{3000}-1"],
			'after a zero-width space' => ["\u{200B}=1"],
			'after a byte order mark' => ["\u{FEFF}=1"],
			'full-width equals' => ["\u{FF1D}HYPERLINK(\"http://evil\")"],
			'full-width plus' => ["\u{FF0B}1"],
			'full-width minus' => ["\u{FF0D}1"],
			'full-width at' => ["\u{FF20}SUM(A1)"],
			'small equals' => ["\u{FE66}1"],
			'full-width after a space' => [" \u{FF1D}1"],
			'not UTF-8' => ["\xFF=1"],
		];
	}

	/** @dataProvider texts */
	public function testLeavesOtherTextAlone(?string $cell, string $expected): void
	{
		self::assertSame($expected, CsvCell::neutralise($cell));
	}

	/** @return array<string, array{?string, string}> */
	public static function texts(): array
	{
		return [
			'null' => [null, ''],
			'empty' => ['', ''],
			'plain' => ['Offer', 'Offer'],
			'Cyrillic' => ['Потенциальный', 'Потенциальный'],
			'formula later in the cell' => ['a=1', 'a=1'],
			'script' => ['<script>alert(1)</script>', '<script>alert(1)</script>'],
			'quote' => ["'quoted", "'quoted"],
			'leading spaces before text' => ['  Offer', '  Offer'],
			'only blanks' => [" \u{00A0}\n", " \u{00A0}\n"],
			'full-width letters' => ["\u{FF21}BC", "\u{FF21}BC"],
			'a formula sign later, after blanks' => [' a =1', ' a =1'],
		];
	}
}
