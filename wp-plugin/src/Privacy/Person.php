<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use LeadTrail\Contacts\EmailAddress;

/**
 * The LeadTrail data that one e-mail address identifies. A visitor is the person's only when it
 * gave the address with its token (a contact, or a request it sent): anyone can attach an address
 * to any visitor without the token (vc/s/, api/add_offline_message/, a form's hidden fields), so
 * such rows are the person's on their own, never with the visitor they name.
 */
final class Person
{
	/**
	 * @param list<int> $visitorIds the visitors that gave the address with their token
	 * @param list<int> $requestIds the requests with the address that link no visitor
	 * @param list<int> $contactIds the contacts with the address that link no visitor
	 * @param list<AddressMatch> $matches every row the address was found in, by id
	 */
	private function __construct(
		public readonly string $email,
		public readonly array $visitorIds,
		public readonly array $requestIds,
		public readonly array $contactIds,
		public readonly array $matches,
	) {
	}

	/**
	 * Requests are matched on the address as the plugin normalises it (EmailAddress): the database's
	 * comparison only preselects them, since its collation also equates letters that differ
	 * (é and e), which would take in another person's visitors.
	 *
	 * @param string $email normalised (EmailAddress::normalize)
	 * @param list<array{id: int|string, visitor_id: int|string, verified: int|string}> $contacts with $email
	 * @param list<array{id: int|string, visitor_id: int|string, email: string|null, verified: int|string}> $requests
	 */
	public static function of(string $email, array $contacts, array $requests): self
	{
		$matches = [];
		foreach ($contacts as $contact) {
			$matches[] = new AddressMatch(AddressMatch::CONTACT, (int) $contact['id'], (int) $contact['visitor_id'], (int) $contact['verified'] === 1);
		}
		foreach ($requests as $request) {
			if ($request['email'] !== null && EmailAddress::normalize($request['email']) === $email) {
				$matches[] = new AddressMatch(AddressMatch::REQUEST, (int) $request['id'], (int) $request['visitor_id'], (int) $request['verified'] === 1);
			}
		}
		usort($matches, static fn (AddressMatch $a, AddressMatch $b): int => [$a->kind, $a->id] <=> [$b->kind, $b->id]);

		$visitors = [];
		$alone = [AddressMatch::CONTACT => [], AddressMatch::REQUEST => []];
		foreach ($matches as $match) {
			if ($match->linksVisitor()) {
				$visitors[] = $match->visitorId;
			} else {
				$alone[$match->kind][] = $match->id;
			}
		}
		$visitors = array_values(array_unique($visitors));
		sort($visitors);
		return new self($email, $visitors, $alone[AddressMatch::REQUEST], $alone[AddressMatch::CONTACT], $matches);
	}

	public function isEmpty(): bool
	{
		return $this->matches === [];
	}

	/** Whether the rows of $visitorId are the person's. */
	public function owns(int $visitorId): bool
	{
		return in_array($visitorId, $this->visitorIds, true);
	}

	/**
	 * The rows whose $column holds one of the person's visitors, for $wpdb->prepare.
	 *
	 * @return array{0: string, 1: list<int>} the condition and its arguments
	 */
	public function visitors(string $column): array
	{
		if ($this->visitorIds === []) {
			// Never "IN (0)": visitor 0 is every unattributed row, other people's among them.
			return ['1 = 0', []];
		}
		return [$column . ' IN (' . self::placeholders($this->visitorIds) . ')', $this->visitorIds];
	}

	/**
	 * The person's requests in the table aliased $alias: its visitors', and those with the address
	 * that link no visitor.
	 *
	 * @return array{0: string, 1: list<int>}
	 */
	public function requests(string $alias): array
	{
		return $this->withRows($alias, $this->requestIds);
	}

	/**
	 * The person's contacts in the table aliased $alias: its visitors', and those with the address
	 * that link no visitor.
	 *
	 * @return array{0: string, 1: list<int>}
	 */
	public function contacts(string $alias): array
	{
		return $this->withRows($alias, $this->contactIds);
	}

	/**
	 * @param list<int> $ids
	 * @return array{0: string, 1: list<int>}
	 */
	private function withRows(string $alias, array $ids): array
	{
		[$sql, $args] = $this->visitors($alias . '.visitor_id');
		if ($ids === []) {
			return [$sql, $args];
		}
		return ["({$sql} OR {$alias}.id IN (" . self::placeholders($ids) . '))', [...$args, ...$ids]];
	}

	/** @param non-empty-list<int> $ids */
	private static function placeholders(array $ids): string
	{
		return implode(', ', array_fill(0, count($ids), '%d'));
	}
}
