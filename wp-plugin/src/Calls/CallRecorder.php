<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use Closure;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\TableCharset;

/**
 * The visitor calls' reads and writes with $wpdb. An event costs, after the
 * options read, four statements: the identity check (one join), the
 * idempotency key and the event in one transaction.
 */
final class CallRecorder implements CallStore
{
	private readonly Sql $sql;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);

		TableCharset::assumeOurs($wpdb);
	}

	public function locate(int $visitorId, int $sessionId, ?int $hitId): Location
	{
		$wpdb = $this->wpdb;
		// One query: the session, and the hit when one is named (no row for a hit that does not exist).
		$row = $hitId === null
			? $this->row($wpdb->get_row($wpdb->prepare(
				"SELECT s.visitor_id, NULL AS hit_session_id, '' AS url FROM {$wpdb->leadtrail_sessions} s WHERE s.id = %d",
				$sessionId,
			), ARRAY_A))
			: $this->row($wpdb->get_row($wpdb->prepare(
				"SELECT s.visitor_id, h.session_id AS hit_session_id, h.url
					FROM {$wpdb->leadtrail_sessions} s LEFT JOIN {$wpdb->leadtrail_hits} h ON h.id = %d
					WHERE s.id = %d",
				$hitId,
				$sessionId,
			), ARRAY_A));

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
				$this->wpdb->leadtrail_requests_seen,
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
		$wpdb = $this->wpdb;
		$earlier = $wpdb->get_var($wpdb->prepare(
			"SELECT answer FROM {$wpdb->leadtrail_requests_seen} WHERE visitor_id = %d AND request_id = %s LOCK IN SHARE MODE",
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
		$this->sql->insert($this->wpdb->leadtrail_events, [
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
		$wpdb = $this->wpdb;
		if ($info->name !== null) {
			$this->sql->execute($byToken
				? $wpdb->prepare("UPDATE {$wpdb->leadtrail_visitors} SET name = %s, name_verified = 1 WHERE id = %d", $info->name, $visitorId)
				: $wpdb->prepare("UPDATE {$wpdb->leadtrail_visitors} SET name = %s WHERE id = %d AND name_verified = 0", $info->name, $visitorId));
		}
		foreach ($info->contacts as $contact) {
			// The first time a contact is given is kept: a repeat changes nothing but the proof,
			// which the visitor's own token adds to a contact first given without it.
			$this->sql->insert($wpdb->leadtrail_contacts, [
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
		$this->sql->insert($this->wpdb->leadtrail_properties, [
			'visitor_id' => $visitorId,
			'name' => $name,
			'name_hash' => sha1($name),
			'value' => $value,
			'updated_at' => self::datetime($now),
		], 'ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)');
	}

	public function deleteProperty(int $visitorId, string $name): void
	{
		$wpdb = $this->wpdb;
		$this->sql->execute($wpdb->prepare(
			"DELETE FROM {$wpdb->leadtrail_properties} WHERE visitor_id = %d AND name_hash = %s",
			$visitorId,
			sha1($name),
		));
	}

	public function property(int $visitorId, string $name): ?Property
	{
		$wpdb = $this->wpdb;
		$row = $this->row($wpdb->get_row($wpdb->prepare(
			"SELECT name, value FROM {$wpdb->leadtrail_properties} WHERE visitor_id = %d AND name_hash = %s",
			$visitorId,
			sha1($name),
		), ARRAY_A));
		return $row === null ? null : new Property((string) $row['name'], $row['value']);
	}

	public function properties(int $visitorId): array
	{
		$wpdb = $this->wpdb;
		$rows = $wpdb->get_results(
			$wpdb->prepare("SELECT name, value FROM {$wpdb->leadtrail_properties} WHERE visitor_id = %d ORDER BY id", $visitorId),
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

	/**
	 * The row that get_row() read (ARRAY_A), once the read is known not to have failed.
	 *
	 * @return array<string, string|null>|null
	 */
	private function row(mixed $row): ?array
	{
		$this->sql->failIfError();
		return is_array($row) ? $row : null;
	}
}
