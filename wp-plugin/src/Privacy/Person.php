<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use LeadTrail\Contacts\EmailAddress;

/**
 * The LeadTrail data that one e-mail address identifies: the visitors that gave it as a contact or
 * in a request, and the requests with it that belong to no visitor (visitor_id 0).
 */
final class Person
{
	/**
	 * @param list<int> $visitorIds
	 * @param list<int> $orphanRequestIds
	 */
	private function __construct(
		public readonly string $email,
		public readonly array $visitorIds,
		public readonly array $orphanRequestIds,
	) {
	}

	/**
	 * Requests are matched on the address as the plugin normalises it (EmailAddress): the database's
	 * comparison only preselects them, since its collation also equates letters that differ
	 * (é and e), which would take in another person's visitors.
	 *
	 * @param string $email normalised (EmailAddress::normalize)
	 * @param list<int|string> $contactVisitorIds visitors with $email among their contacts
	 * @param list<array{id: int|string, visitor_id: int|string, email: string|null}> $requests
	 */
	public static function of(string $email, array $contactVisitorIds, array $requests): self
	{
		$visitors = array_map('intval', $contactVisitorIds);
		$orphans = [];
		foreach ($requests as $request) {
			if ($request['email'] === null || EmailAddress::normalize($request['email']) !== $email) {
				continue;
			}
			if ((int) $request['visitor_id'] > 0) {
				$visitors[] = (int) $request['visitor_id'];
			} else {
				$orphans[] = (int) $request['id'];
			}
		}
		$visitors = array_values(array_unique(array_filter($visitors, static fn (int $id): bool => $id > 0)));
		sort($visitors);
		sort($orphans);
		return new self($email, $visitors, $orphans);
	}

	public function isEmpty(): bool
	{
		return $this->visitorIds === [] && $this->orphanRequestIds === [];
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
	 * The person's requests in the table aliased $alias: its visitors' and its orphans.
	 *
	 * @return array{0: string, 1: list<int>}
	 */
	public function requests(string $alias): array
	{
		[$sql, $args] = $this->visitors($alias . '.visitor_id');
		if ($this->orphanRequestIds === []) {
			return [$sql, $args];
		}
		return [
			"({$sql} OR {$alias}.id IN (" . self::placeholders($this->orphanRequestIds) . '))',
			[...$args, ...$this->orphanRequestIds],
		];
	}

	/** @param non-empty-list<int> $ids */
	private static function placeholders(array $ids): string
	{
		return implode(', ', array_fill(0, count($ids), '%d'));
	}
}
