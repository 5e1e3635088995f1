<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use DateTimeZone;
use LeadTrail\Admin\DayRange;
use LeadTrail\Admin\QueryParam;
use PHPUnit\Framework\TestCase;

final class DayRangeTest extends TestCase
{
	public function testNoDaysNoConditions(): void
	{
		$days = DayRange::fromQuery(['page' => 'leadtrail-events'], new DateTimeZone('UTC'));

		self::assertNull($days->from);
		self::assertNull($days->to);
		self::assertSame([[], []], $days->conditions('created_at'));
		self::assertSame([], $days->queryArgs());
		self::assertSame([], $days->problems);
	}

	public function testDaysAreTheSitesDaysInUtcOnTheGivenColumn(): void
	{
		$days = DayRange::fromQuery(['from' => '2024-05-10', 'to' => '2024-05-31'], new DateTimeZone('Europe/Moscow'));

		self::assertSame([
			['r.created_at >= %s', 'r.created_at < %s'],
			['2024-05-09 21:00:00', '2024-05-31 21:00:00'],
		], $days->conditions('r.created_at'));
		self::assertSame(['from' => '2024-05-10', 'to' => '2024-05-31'], $days->queryArgs());
	}

	public function testADayAcrossADaylightSavingChangeEndsAtTheNextLocalMidnight(): void
	{
		// 31 March 2024: Berlin moves from UTC+1 to UTC+2.
		[, $args] = DayRange::fromQuery(['from' => '2024-03-31', 'to' => '2024-03-31'], new DateTimeZone('Europe/Berlin'))->conditions('created_at');

		self::assertSame(['2024-03-30 23:00:00', '2024-03-31 22:00:00'], $args);
	}

	public function testAnOffsetZoneWorks(): void
	{
		[$sql, $args] = DayRange::fromQuery(['to' => '2024-01-01'], new DateTimeZone('-05:30'))->conditions('created_at');

		self::assertSame(['created_at < %s'], $sql);
		self::assertSame(['2024-01-02 05:30:00'], $args);
	}

	public function testADateIsTrimmed(): void
	{
		$days = DayRange::fromQuery(['from' => ' 2024-05-10 '], new DateTimeZone('UTC'));

		self::assertSame('2024-05-10', $days->from);
		self::assertSame([], $days->problems);
	}

	/**
	 * @dataProvider badDates
	 * @param array<string, mixed> $query
	 * @param list<string>         $problems
	 */
	public function testLeavesOutWhatIsNotADate(array $query, array $problems, int $conditions): void
	{
		$days = DayRange::fromQuery($query, new DateTimeZone('UTC'));

		self::assertSame($problems, $days->problems);
		self::assertCount($conditions, $days->conditions('created_at')[0]);
	}

	/** @return array<string, array{array<string, mixed>, list<string>, int}> */
	public static function badDates(): array
	{
		return [
			'words' => [['from' => 'yesterday'], ['from'], 0],
			'no such day' => [['to' => '2024-02-30'], ['to'], 0],
			'another format' => [['from' => '31.05.2024'], ['from'], 0],
			'an array' => [['from' => ['2024-05-31']], [], 0],
			'empty' => [['from' => '', 'to' => ''], [], 0],
			'both bad' => [['from' => 'x', 'to' => 'y'], ['from', 'to'], 0],
			'to before from' => [['from' => '2024-06-01', 'to' => '2024-05-01'], ['to'], 1],
			'same day' => [['from' => '2024-06-01', 'to' => '2024-06-01'], [], 2],
			'SQL' => [['from' => "2024-01-01' OR 1=1 --"], ['from'], 0],
		];
	}

	public function testAQueryParamIsANonEmptyString(): void
	{
		self::assertSame('a', QueryParam::text(['x' => 'a'], 'x'));
		self::assertSame(' ', QueryParam::text(['x' => ' '], 'x'));
		self::assertNull(QueryParam::text(['x' => ''], 'x'));
		self::assertNull(QueryParam::text(['x' => ['a']], 'x'));
		self::assertNull(QueryParam::text(['x' => 1], 'x'));
		self::assertNull(QueryParam::text([], 'x'));
	}
}
