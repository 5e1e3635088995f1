<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use LeadTrail\Admin\QueryParam;
use PHPUnit\Framework\TestCase;

final class QueryParamTest extends TestCase
{
	public function testReadsAnIdWrittenAsDigits(): void
	{
		self::assertSame(42, QueryParam::id('42'));
		self::assertSame(42, QueryParam::id(' 42 '));
		self::assertSame(2147483648, QueryParam::id('2147483648'));
	}

	/** @dataProvider notIds */
	public function testRefusesAnythingElse(mixed $raw): void
	{
		self::assertNull(QueryParam::id($raw));
	}

	/** @return array<string, array{mixed}> */
	public static function notIds(): array
	{
		return [
			'zero' => ['0'],
			'negative' => ['-3'],
			'a fraction' => ['1.5'],
			'letters after digits' => ['42abc'],
			'empty' => [''],
			'an array (?request[]=1)' => [['1']],
			'an int, not text' => [42],
			'null' => [null],
			'SQL' => ['1 OR 1=1'],
		];
	}
}
