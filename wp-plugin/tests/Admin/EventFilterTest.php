<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use DateTimeZone;
use LeadTrail\Admin\EventFilter;
use PHPUnit\Framework\TestCase;

final class EventFilterTest extends TestCase
{
	public function testNoFiltersNoConditions(): void
	{
		$filter = EventFilter::fromQuery(['page' => 'leadtrail-events'], new DateTimeZone('UTC'));

		self::assertSame([[], []], $filter->conditions());
		self::assertSame([], $filter->queryArgs());
		self::assertSame([], $filter->problems);
	}

	public function testDaysAreTheSitesDaysInUtc(): void
	{
		$filter = EventFilter::fromQuery(
			['category' => 'Offer', 'action' => 'DownloadBook', 'from' => '2024-05-10', 'to' => '2024-05-31'],
			new DateTimeZone('Europe/Moscow')
		);

		self::assertSame([
			['category = %s', 'action = %s', 'created_at >= %s', 'created_at < %s'],
			['Offer', 'DownloadBook', '2024-05-09 21:00:00', '2024-05-31 21:00:00'],
		], $filter->conditions());
		self::assertSame(
			['category' => 'Offer', 'action' => 'DownloadBook', 'from' => '2024-05-10', 'to' => '2024-05-31'],
			$filter->queryArgs()
		);
	}

	public function testADayAcrossADaylightSavingChangeEndsAtTheNextLocalMidnight(): void
	{
		// 31 March 2024: Berlin moves from UTC+1 to UTC+2.
		[, $args] = EventFilter::fromQuery(['from' => '2024-03-31', 'to' => '2024-03-31'], new DateTimeZone('Europe/Berlin'))->conditions();

		self::assertSame(['2024-03-30 23:00:00', '2024-03-31 22:00:00'], $args);
	}

	public function testAnOffsetZoneWorks(): void
	{
		[, $args] = EventFilter::fromQuery(['to' => '2024-01-01'], new DateTimeZone('-05:30'))->conditions();

		self::assertSame(['2024-01-02 05:30:00'], $args);
	}

	/**
	 * @dataProvider badDates
	 * @param array<string, mixed> $query
	 * @param list<string>         $problems
	 */
	public function testLeavesOutWhatIsNotADate(array $query, array $problems, int $conditions): void
	{
		$filter = EventFilter::fromQuery($query, new DateTimeZone('UTC'));

		self::assertSame($problems, $filter->problems);
		self::assertCount($conditions, $filter->conditions()[0]);
	}

	/** @return array<string, array{array<string, mixed>, list<string>, int}> */
	public static function badDates(): array
	{
		return [
			'words' => [['from' => 'yesterday'], ['from'], 0],
			'no such day' => [['to' => '2024-02-30'], ['to'], 0],
			'another format' => [['from' => '31.05.2024'], ['from'], 0],
			'an array' => [['from' => ['2024-05-31']], [], 0],
			'to before from' => [['from' => '2024-06-01', 'to' => '2024-05-01'], ['to'], 1],
			'same day' => [['from' => '2024-06-01', 'to' => '2024-06-01'], [], 2],
			'SQL' => [['from' => "2024-01-01' OR 1=1 --"], ['from'], 0],
		];
	}

	public function testTheExportNamesTheActionFilterEventAction(): void
	{
		$filter = EventFilter::fromQuery(['action' => 'leadtrail_export_events', 'event_action' => 'Read'], new DateTimeZone('UTC'), EventFilter::EXPORT_ACTION);

		self::assertSame('Read', $filter->action);
		self::assertSame(['event_action' => 'Read'], $filter->queryArgs(EventFilter::EXPORT_ACTION));
		self::assertSame(['action' => 'Read'], $filter->queryArgs());
	}

	public function testLeavesOutTextThatCannotMatch(): void
	{
		$filter = EventFilter::fromQuery(['category' => "\xFF", 'action' => str_repeat('a', 256)], new DateTimeZone('UTC'));

		self::assertSame(['category', 'action'], $filter->problems);
		self::assertSame([[], []], $filter->conditions());
	}

	public function testKeepsScriptAndSqlAsValues(): void
	{
		$filter = EventFilter::fromQuery(['category' => "<script>'; DROP TABLE x; --"], new DateTimeZone('UTC'));

		self::assertSame([['category = %s'], ["<script>'; DROP TABLE x; --"]], $filter->conditions());
	}
}
