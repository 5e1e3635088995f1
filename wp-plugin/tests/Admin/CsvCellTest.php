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
			'leading space' => [' =1', ' =1'],
		];
	}
}
