<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use Closure;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Storage\TableCharset;
use LeadTrail\Storage\Tables;

/**
 * The visitor calls' reads and writes with $wpdb. An event costs, after the
 * options read, four statements: the identity check (one join), the
 * idempotency key and the event in one transaction.
 */
final class CallRecorder implements CallStore
{
	private readonly string $visitors;
	private readonly string $sessions;
	private readonly string $hits;
	private readonly string $events;
	private readonly string $contacts;
	private readonly string $properties;
	private readonly string $seen;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->visitors = Tables::name($wpdb, Tables::VISITORS);
		$this->sessions = Tables::name($wpdb, Tables::SESSIONS);
		$this->hits = Tables::name($wpdb, Tables::HITS);
		$this->events = Tables::name($wpdb, Tables::EVENTS);
		$this->contacts = Tables::name($wpdb, Tables::CONTACTS);
		$this->properties = Tables::name($wpdb, Tables::PROPERTIES);
		$this->seen = Tables::name($wpdb, Tables::REQUESTS_SEEN);

		TableCharset::assumeOurs($wpdb);
	}

	public function locate(int $visitorId, int $sessionId, ?int $hitId): Location
	{
		// One query: the session, and the hit when one is named (no row for a hit that does not exist).
		$row = $hitId === null
			? $this->row($this->wpdb->prepare(
				"SELECT s.visitor_id, NULL AS hit_session_id, '' AS url FROM {$this->sessions} s WHERE s.id = %d",
				$sessionId,
			))
			: $this->row($this->wpdb->prepare(
				"SELECT s.visitor_id, h.session_id AS hit_session_id, h.url
					FROM {$this->sessions} s LEFT JOIN {$this->hits} h ON h.id = %d
					WHERE s.id = %d",
				$hitId,
				$sessionId,
			));

		if ($row === null || (int) $row['visitor_id'] !== $visitorId) {
			return new Location(Location::SESSION);
		}
		if ($hitId !== null && (int) $row['hit_session_id'] !== $sessionId) {
			return new Location(Location::HIT);
		}
		return new Location(null, (string) $row['url']);
	}

	public function once(int $visitorId, string $requestId, string $answer, int $now, Closure $apply): ?string
	{
		$this->execute('START TRANSACTION');
		try {
			// A no-op update on a duplicate key affects no row: the key was claimed before.
			// A concurrent first application holds the key's lock, so this waits for it.
			$claimed = $this->execute($this->wpdb->prepare(
				"INSERT INTO {$this->seen} (visitor_id, request_id, answer, created_at) VALUES (%d, %s, %s, %s)
					ON DUPLICATE KEY UPDATE visitor_id = visitor_id",
				$visitorId,
				$requestId,
				$answer,
				self::datetime($now),
			));
			if ($claimed === 0) {
				$earlier = $this->wpdb->get_var($this->wpdb->prepare(
					"SELECT answer FROM {$this->seen} WHERE visitor_id = %d AND request_id = %s LOCK IN SHARE MODE",
					$visitorId,
					$requestId,
				));
				$this->failIfError();
				$this->execute('COMMIT');
				if (!is_string($earlier)) {
					throw new StorageUnavailable('The stored answer of a request id could not be read.');
				}
				return $earlier;
			}

			$apply();
			$this->execute('COMMIT');
			return null;
		} catch (\Throwable $error) {
			$this->wpdb->query('ROLLBACK');
			throw $error;
		}
	}

	public function addEvent(CallIdentity $identity, EventRequest $event, int $now): void
	{
		$this->execute($this->wpdb->prepare(
			"INSERT INTO {$this->events} (visitor_id, session_id, hit_id, created_at, category, action, name, value)
				VALUES (%d, %d, %d, %s, %s, %s, " . self::nullable($event->name) . ', ' . self::nullable($event->value) . ')',
			...array_values(array_filter(
				[$identity->visitorId, $identity->sessionId, $identity->hitId, self::datetime($now), $event->category, $event->action, $event->name, $event->value],
				static fn (mixed $value): bool => $value !== null,
			)),
		));
	}

	public function addVisitorInfo(int $visitorId, VisitorInfo $info, string $source, string $pageUrl, int $now): void
	{
		$at = self::datetime($now);
		if ($info->name !== null) {
			$this->execute($this->wpdb->prepare("UPDATE {$this->visitors} SET name = %s WHERE id = %d", $info->name, $visitorId));
		}
		foreach ($info->contacts as $contact) {
			// The first time a contact is given is kept: a repeat changes nothing.
			$this->execute($this->wpdb->prepare(
				"INSERT INTO {$this->contacts} (visitor_id, kind, value, normalized, normalized_hash, source, page_url, created_at)
					VALUES (%d, %s, %s, %s, %s, %s, %s, %s)
					ON DUPLICATE KEY UPDATE id = id",
				$visitorId,
				$contact->kind,
				$contact->value,
				$contact->normalized,
				sha1($contact->normalized),
				$source,
				$pageUrl,
				$at,
			));
		}
	}

	public function setProperty(int $visitorId, string $name, ?string $value, int $now): void
	{
		$this->execute($this->wpdb->prepare(
			"INSERT INTO {$this->properties} (visitor_id, name, name_hash, value, updated_at)
				VALUES (%d, %s, %s, " . self::nullable($value) . ', %s)
				ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)',
			...array_values(array_filter(
				[$visitorId, $name, sha1($name), $value, self::datetime($now)],
				static fn (mixed $item): bool => $item !== null,
			)),
		));
	}

	public function deleteProperty(int $visitorId, string $name): void
	{
		$this->execute($this->wpdb->prepare(
			"DELETE FROM {$this->properties} WHERE visitor_id = %d AND name_hash = %s",
			$visitorId,
			sha1($name),
		));
	}

	public function property(int $visitorId, string $name): ?Property
	{
		$row = $this->row($this->wpdb->prepare(
			"SELECT name, value FROM {$this->properties} WHERE visitor_id = %d AND name_hash = %s",
			$visitorId,
			sha1($name),
		));
		return $row === null ? null : new Property((string) $row['name'], $row['value']);
	}

	public function properties(int $visitorId): array
	{
		$rows = $this->wpdb->get_results(
			$this->wpdb->prepare("SELECT name, value FROM {$this->properties} WHERE visitor_id = %d ORDER BY id", $visitorId),
			ARRAY_A,
		);
		$this->failIfError();
		return array_map(
			static fn (array $row): Property => new Property((string) $row['name'], $row['value']),
			is_array($rows) ? $rows : [],
		);
	}

	/** "NULL" for a missing value, else the placeholder that the value fills. */
	private static function nullable(?string $value): string
	{
		return $value === null ? 'NULL' : '%s';
	}

	private static function datetime(int $now): string
	{
		return gmdate('Y-m-d H:i:s', $now);
	}

	/** @return array<string, string|null>|null */
	private function row(string $sql): ?array
	{
		$row = $this->wpdb->get_row($sql, ARRAY_A);
		$this->failIfError();
		return is_array($row) ? $row : null;
	}

	/** @return int rows affected */
	private function execute(string $sql): int
	{
		$result = $this->wpdb->query($sql);
		if ($result === false) {
			throw new StorageUnavailable($this->wpdb->last_error);
		}
		return (int) $result;
	}

	private function failIfError(): void
	{
		if ($this->wpdb->last_error !== '') {
			throw new StorageUnavailable($this->wpdb->last_error);
		}
	}
}
