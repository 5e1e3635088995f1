<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use Closure;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\TableCharset;
use LeadTrail\Storage\Tables;

/**
 * The visitor calls' reads and writes with $wpdb. An event costs, after the
 * options read, four statements: the identity check (one join), the
 * idempotency key and the event in one transaction.
 */
final class CallRecorder implements CallStore
{
	private readonly Sql $sql;
	private readonly string $visitors;
	private readonly string $sessions;
	private readonly string $hits;
	private readonly string $events;
	private readonly string $contacts;
	private readonly string $properties;
	private readonly string $seen;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
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
		// [the stored answer] when the key was claimed before, null when $apply ran.
		$earlier = $this->sql->atomically(function () use ($visitorId, $requestId, $answer, $now, $apply): ?array {
			// A no-op update on a duplicate key affects no row: the key was claimed before.
			// A concurrent first application holds the key's lock, so this waits for it.
			$claimed = $this->sql->insert(
				$this->seen,
				['visitor_id' => $visitorId, 'request_id' => $requestId, 'answer' => $answer, 'created_at' => self::datetime($now)],
				'ON DUPLICATE KEY UPDATE visitor_id = visitor_id',
			);
			if ($claimed === 0) {
				return [$this->storedAnswer($visitorId, $requestId)];
			}
			$apply();
			return null;
		});
		if ($earlier === null) {
			return null;
		}
		if (!is_string($earlier[0])) {
			throw new StorageUnavailable('The stored answer of a request id could not be read.');
		}
		return $earlier[0];
	}

	/** The answer kept with a claimed request id (waits for a concurrent first application). */
	private function storedAnswer(int $visitorId, string $requestId): mixed
	{
		$earlier = $this->wpdb->get_var($this->wpdb->prepare(
			"SELECT answer FROM {$this->seen} WHERE visitor_id = %d AND request_id = %s LOCK IN SHARE MODE",
			$visitorId,
			$requestId,
		));
		$this->sql->failIfError();
		return $earlier;
	}

	public function atomically(Closure $apply): void
	{
		$this->sql->atomically($apply);
	}

	public function addEvent(CallIdentity $identity, EventRequest $event, int $now): void
	{
		$this->sql->insert($this->events, [
			'visitor_id' => $identity->visitorId,
			'session_id' => $identity->sessionId,
			'hit_id' => $identity->hitId,
			'created_at' => self::datetime($now),
			'category' => $event->category,
			'action' => $event->action,
			'name' => $event->name,
			'value' => $event->value,
		]);
	}

	public function addVisitorInfo(int $visitorId, VisitorInfo $info, string $source, bool $byToken, string $pageUrl, int $now): void
	{
		if ($info->name !== null) {
			$this->sql->execute($byToken
				? $this->wpdb->prepare("UPDATE {$this->visitors} SET name = %s, name_verified = 1 WHERE id = %d", $info->name, $visitorId)
				: $this->wpdb->prepare("UPDATE {$this->visitors} SET name = %s WHERE id = %d AND name_verified = 0", $info->name, $visitorId));
		}
		foreach ($info->contacts as $contact) {
			// The first time a contact is given is kept: a repeat changes nothing but the proof,
			// which the visitor's own token adds to a contact first given without it.
			$this->sql->insert($this->contacts, [
				'visitor_id' => $visitorId,
				'kind' => $contact->kind,
				'value' => $contact->value,
				'normalized' => $contact->normalized,
				'normalized_hash' => sha1($contact->normalized),
				'source' => $source,
				'verified' => $byToken ? 1 : 0,
				'page_url' => $pageUrl,
				'created_at' => self::datetime($now),
			], 'ON DUPLICATE KEY UPDATE verified = GREATEST(verified, VALUES(verified))');
		}
	}

	public function setProperty(int $visitorId, string $name, ?string $value, int $now): void
	{
		$this->sql->insert($this->properties, [
			'visitor_id' => $visitorId,
			'name' => $name,
			'name_hash' => sha1($name),
			'value' => $value,
			'updated_at' => self::datetime($now),
		], 'ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)');
	}

	public function deleteProperty(int $visitorId, string $name): void
	{
		$this->sql->execute($this->wpdb->prepare(
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
		$this->sql->failIfError();
		return array_map(
			static fn (array $row): Property => new Property((string) $row['name'], $row['value']),
			is_array($rows) ? $rows : [],
		);
	}

	private static function datetime(int $now): string
	{
		return gmdate('Y-m-d H:i:s', $now);
	}

	/** @return array<string, string|null>|null */
	private function row(string $sql): ?array
	{
		$row = $this->wpdb->get_row($sql, ARRAY_A);
		$this->sql->failIfError();
		return is_array($row) ? $row : null;
	}


}
