<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use DateTimeZone;
use LeadTrail\Admin\RequestFilter;
use PHPUnit\Framework\TestCase;

final class RequestFilterTest extends TestCase
{
	public function testNoFiltersNoConditions(): void
	{
		$filter = RequestFilter::fromQuery(['page' => 'leadtrail-requests'], new DateTimeZone('UTC'));

		self::assertSame([[], []], $filter->conditions());
		self::assertSame([], $filter->queryArgs());
	}

	public function testEveryFilter(): void
	{
		$filter = RequestFilter::fromQuery(
			['form' => 'Заказ', 'sale' => 'yes', 'source' => 'server', 'status' => 'new', 'from' => '2024-05-10', 'to' => '2024-05-31'],
			new DateTimeZone('Europe/Moscow')
		);

		self::assertSame([
			['r.form_name = %s', 'r.is_sale = %d', 'r.source = %s', 'r.status = %s', 'r.created_at >= %s', 'r.created_at < %s'],
			['Заказ', 1, 'server', 'new', '2024-05-09 21:00:00', '2024-05-31 21:00:00'],
		], $filter->conditions());
		self::assertSame(['form', 'sale', 'source', 'status', 'from', 'to'], array_keys($filter->queryArgs()));
	}

	public function testSearchesTextWithLikeEscapedAndPhonesByDigits(): void
	{
		[$sql, $args] = RequestFilter::fromQuery(['s' => ' 50%_off '], new DateTimeZone('UTC'))->conditions();
		self::assertSame(['(r.name LIKE %s OR r.email LIKE %s OR r.phone LIKE %s OR r.message LIKE %s)'], $sql);
		self::assertSame(array_fill(0, 4, '%50\\%\\_off%'), $args);

		[$sql, $args] = RequestFilter::fromQuery(['s' => '+7 (912) 345'], new DateTimeZone('UTC'))->conditions();
		self::assertStringContainsString('r.phone_normalized LIKE %s', $sql[0]);
		self::assertSame('%7912345%', $args[4]);
	}

	/**
	 * @dataProvider bad
	 * @param array<string, mixed> $query
	 */
	public function testLeavesOutWhatCannotBeAFilter(array $query, string $problem): void
	{
		$filter = RequestFilter::fromQuery($query, new DateTimeZone('UTC'));

		self::assertSame([$problem], $filter->problems);
		self::assertSame([[], []], $filter->conditions());
	}

	/** @return array<string, array{array<string, mixed>, string}> */
	public static function bad(): array
	{
		return [
			'sale maybe' => [['sale' => 'maybe'], 'sale'],
			'status deleted' => [['status' => 'deleted'], 'status'],
			'source with SQL' => [['source' => "js' OR 1=1 --"], 'source'],
			'form too long' => [['form' => str_repeat('f', 256)], 'form'],
			'form not UTF-8' => [['form' => "\xFF"], 'form'],
			'search too long' => [['s' => str_repeat('s', 201)], 's'],
			'not a date' => [['from' => '31.05.2024'], 'from'],
			'no such day' => [['to' => '2024-02-30'], 'to'],
		];
	}

	public function testAnEmptySearchIsNone(): void
	{
		self::assertSame([], RequestFilter::fromQuery(['s' => '   ', 'form' => '', 'sale' => ''], new DateTimeZone('UTC'))->queryArgs());
	}
}
