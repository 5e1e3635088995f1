<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Privacy;

use LeadTrail\Privacy\Person;
use PHPUnit\Framework\TestCase;

final class PersonTest extends TestCase
{
	public function testTakesTheVisitorsOfTheContactsAndOfTheRequestsWithTheAddress(): void
	{
		$person = Person::of('ivan@example.com', ['7', '3'], [
			['id' => '10', 'visitor_id' => '5', 'email' => '  Ivan@Example.COM '],
			['id' => '11', 'visitor_id' => '3', 'email' => 'ivan@example.com'],
		]);

		self::assertSame([3, 5, 7], $person->visitorIds);
		self::assertSame([], $person->orphanRequestIds);
		self::assertFalse($person->isEmpty());
	}

	public function testLeavesOutRequestsThatTheDatabaseOnlyPreselected(): void
	{
		// LIKE '%ivan@example.com%' and an accent-blind collation also find these: other people.
		$person = Person::of('ivan@example.com', [], [
			['id' => '1', 'visitor_id' => '4', 'email' => 'ivan@example.com.evil'],
			['id' => '2', 'visitor_id' => '6', 'email' => 'boris.ivan@example.com'],
			['id' => '3', 'visitor_id' => '8', 'email' => 'ivän@example.com'],
			['id' => '4', 'visitor_id' => '9', 'email' => null],
		]);

		self::assertSame([], $person->visitorIds);
		self::assertTrue($person->isEmpty());
	}

	public function testKeepsARequestWithoutAVisitorByItsOwnId(): void
	{
		$person = Person::of('иван@почта.рф', [], [['id' => '12', 'visitor_id' => '0', 'email' => 'Иван@Почта.РФ']]);

		self::assertSame([], $person->visitorIds);
		self::assertSame([12], $person->orphanRequestIds);
		self::assertSame(['1 = 0', []], $person->visitors('visitor_id'));
		self::assertSame(['(1 = 0 OR r.id IN (%d))', [12]], $person->requests('r'));
	}

	public function testConditionsHoldOnePlaceholderPerId(): void
	{
		$person = Person::of('a@b.example', ['2', '9'], [['id' => '30', 'visitor_id' => '0', 'email' => 'a@b.example']]);

		self::assertSame(['h.visitor_id IN (%d, %d)', [2, 9]], $person->visitors('h.visitor_id'));
		self::assertSame(['(r.visitor_id IN (%d, %d) OR r.id IN (%d))', [2, 9, 30]], $person->requests('r'));
		self::assertSame(['r.visitor_id IN (%d, %d)', [2, 9]], Person::of('a@b.example', ['9', '2'], [])->requests('r'));
	}
}
