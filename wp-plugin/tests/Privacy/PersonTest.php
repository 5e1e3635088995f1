<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Privacy;

use LeadTrail\Privacy\AddressMatch;
use LeadTrail\Privacy\Person;
use PHPUnit\Framework\TestCase;

final class PersonTest extends TestCase
{
	public function testTakesTheVisitorsThatGaveTheAddressWithTheirToken(): void
	{
		$person = Person::of(
			'ivan@example.com',
			[self::contact(1, 7, true), self::contact(2, 3, true)],
			[self::request(10, 5, '  Ivan@Example.COM ', true), self::request(11, 3, 'ivan@example.com', true)]
		);

		self::assertSame([3, 5, 7], $person->visitorIds);
		self::assertSame([[], []], [$person->requestIds, $person->contactIds]);
		self::assertTrue($person->owns(5));
		self::assertFalse($person->isEmpty());
	}

	public function testRowsGivenWithoutTheTokenAreThePersonsAloneNeverTheirVisitors(): void
	{
		// vc/s/ with ve=, api/add_offline_message/ and a form's hidden fields name a visitor without its token.
		$person = Person::of('ivan@example.com', [self::contact(4, 40, false)], [self::request(12, 41, 'ivan@example.com', false)]);

		self::assertSame([], $person->visitorIds);
		self::assertSame([[12], [4]], [$person->requestIds, $person->contactIds]);
		self::assertFalse($person->owns(40));
		self::assertFalse($person->owns(41));
		self::assertSame(['(1 = 0 OR r.id IN (%d))', [12]], $person->requests('r'));
		self::assertSame(['(1 = 0 OR c.id IN (%d))', [4]], $person->contacts('c'));
		self::assertSame(['1 = 0', []], $person->visitors('visitor_id'));
		self::assertFalse($person->isEmpty());
	}

	public function testListsEveryRowTheAddressWasFoundInContactsFirst(): void
	{
		$person = Person::of('a@b.example', [self::contact(4, 40, false), self::contact(2, 9, true)], [
			self::request(30, 0, 'a@b.example', true),
			self::request(20, 9, 'a@b.example', false),
		]);

		self::assertEquals([
			new AddressMatch(AddressMatch::CONTACT, 2, 9, true),
			new AddressMatch(AddressMatch::CONTACT, 4, 40, false),
			new AddressMatch(AddressMatch::REQUEST, 20, 9, false),
			new AddressMatch(AddressMatch::REQUEST, 30, 0, true),
		], $person->matches);
		// A request with no visitor links none, token or not; one of a visitor the address links is its visitor's anyway.
		self::assertSame([9], $person->visitorIds);
		self::assertSame(['(r.visitor_id IN (%d) OR r.id IN (%d, %d))', [9, 20, 30]], $person->requests('r'));
	}

	public function testLeavesOutRequestsThatTheDatabaseOnlyPreselected(): void
	{
		// LIKE '%ivan@example.com%' and an accent-blind collation also find these: other people.
		$person = Person::of('ivan@example.com', [], [
			self::request(1, 4, 'ivan@example.com.evil', true),
			self::request(2, 6, 'boris.ivan@example.com', true),
			self::request(3, 8, 'ivän@example.com', true),
			self::request(4, 9, null, true),
		]);

		self::assertSame([], $person->visitorIds);
		self::assertTrue($person->isEmpty());
	}

	public function testKeepsARequestWithoutAVisitorByItsOwnId(): void
	{
		$person = Person::of('иван@почта.рф', [], [self::request(12, 0, 'Иван@Почта.РФ', false)]);

		self::assertSame([], $person->visitorIds);
		self::assertSame([12], $person->requestIds);
		self::assertSame(['(1 = 0 OR r.id IN (%d))', [12]], $person->requests('r'));
	}

	public function testConditionsHoldOnePlaceholderPerId(): void
	{
		$person = Person::of('a@b.example', [self::contact(1, 2, true), self::contact(5, 9, true)], [self::request(30, 0, 'a@b.example', false)]);

		self::assertSame(['h.visitor_id IN (%d, %d)', [2, 9]], $person->visitors('h.visitor_id'));
		self::assertSame(['(r.visitor_id IN (%d, %d) OR r.id IN (%d))', [2, 9, 30]], $person->requests('r'));
		self::assertSame(['c.visitor_id IN (%d, %d)', [2, 9]], $person->contacts('c'));
	}

	/** @return array{id: string, visitor_id: string, verified: string} as the database gives it */
	private static function contact(int $id, int $visitorId, bool $byToken): array
	{
		return ['id' => (string) $id, 'visitor_id' => (string) $visitorId, 'verified' => $byToken ? '1' : '0'];
	}

	/** @return array{id: string, visitor_id: string, email: string|null, verified: string} */
	private static function request(int $id, int $visitorId, ?string $email, bool $byToken): array
	{
		return ['id' => (string) $id, 'visitor_id' => (string) $visitorId, 'email' => $email, 'verified' => $byToken ? '1' : '0'];
	}
}
