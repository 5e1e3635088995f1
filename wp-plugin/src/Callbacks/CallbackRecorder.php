<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use Closure;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\TableCharset;

/**
 * CallbackStore with $wpdb. An order costs, after the options read and the
 * identity check, in one transaction: the request id's claim, the captcha's
 * lock and mark, the site's lock row, the count, the row and the stored answer.
 */
final class CallbackRecorder implements CallbackStore
{
	private readonly Sql $sql;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);

		TableCharset::assumeOurs($wpdb);
	}

	public function once(int $visitorId, string $requestId, int $now, Closure $decide): ?string
	{
		$wpdb = $this->wpdb;
		// [the stored answer] when the key was claimed before, null when $decide ran.
		$earlier = $this->sql->atomically(function () use ($wpdb, $visitorId, $requestId, $now, $decide): ?array {
			// As CallRecorder::once: a no-op update on a duplicate key affects no row, and a
			// concurrent first application holds the key's lock, so this waits for its answer.
			$claimed = $this->sql->execute($wpdb->prepare(
				"INSERT INTO {$wpdb->leadtrail_requests_seen} (visitor_id, request_id, answer, created_at) VALUES (%d, %s, '', %s)
					ON DUPLICATE KEY UPDATE visitor_id = visitor_id",
				$visitorId,
				$requestId,
				gmdate('Y-m-d H:i:s', $now),
			));
			if ($claimed === 0) {
				$stored = $wpdb->get_var($wpdb->prepare(
					"SELECT answer FROM {$wpdb->leadtrail_requests_seen} WHERE visitor_id = %d AND request_id = %s LOCK IN SHARE MODE",
					$visitorId,
					$requestId,
				));
				$this->sql->failIfError();
				return [$stored];
			}

			$answer = $decide();
			$this->sql->execute($wpdb->prepare(
				"UPDATE {$wpdb->leadtrail_requests_seen} SET answer = %s WHERE visitor_id = %d AND request_id = %s",
				$answer,
				$visitorId,
				$requestId,
			));
			return null;
		});
		if ($earlier === null) {
			return null;
		}
		if (!is_string($earlier[0]) || $earlier[0] === '') {
			throw new StorageUnavailable('The stored answer of a request id could not be read.');
		}
		return $earlier[0];
	}

	public function lockAndCount(int $sinceMs, int $visitorId, ?string $clientBucket): CallbackCounts
	{
		$wpdb = $this->wpdb;
		$locked = $wpdb->get_var("SELECT accepted FROM {$wpdb->leadtrail_callback_lock} WHERE id = 1 FOR UPDATE");
		$this->sql->failIfError();
		if ($locked === null) {
			// The row went missing (a restored table): make it; the upsert holds its lock too.
			$this->sql->execute("INSERT INTO {$wpdb->leadtrail_callback_lock} (id, accepted) VALUES (1, 0) ON DUPLICATE KEY UPDATE accepted = accepted");
		}
		// A locking read sees the latest committed orders, whatever snapshot the transaction has.
		$row = $wpdb->get_row($wpdb->prepare(
			"SELECT COUNT(*) AS site, COALESCE(SUM(visitor_id = %d), 0) AS visitor, COALESCE(SUM(client_bucket = %s), 0) AS address
				FROM {$wpdb->leadtrail_callbacks} WHERE accepted_ms >= %d LOCK IN SHARE MODE",
			$visitorId,
			$clientBucket ?? '',
			$sinceMs,
		), ARRAY_A);
		$this->sql->failIfError();
		$row = is_array($row) ? $row : [];
		return new CallbackCounts(
			(int) ($row['site'] ?? 0),
			(int) ($row['visitor'] ?? 0),
			$clientBucket === null ? 0 : (int) ($row['address'] ?? 0),
		);
	}

	public function addCallback(NewCallback $callback): int
	{
		$wpdb = $this->wpdb;
		$fields = $callback->fields;
		$this->sql->execute($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_callbacks}
				(created_at, accepted_ms, client_bucket, visitor_id, session_id, hit_id, page_url, phone, phone_normalized, call_at, is_delayed, group_id, status, notify_state)
				VALUES (%s, %d, %s, %d, %d, %d, %s, %s, %s, %s, %d, NULLIF(%d, 0), 'new', %s)",
			gmdate('Y-m-d H:i:s', $callback->createdAt),
			$callback->acceptedMs,
			$callback->clientBucket ?? '',
			$callback->visitorId,
			$callback->sessionId,
			$callback->hitId,
			$callback->pageUrl,
			$fields->phone,
			$fields->phoneDigits,
			gmdate('Y-m-d H:i:s', $callback->callAt()),
			$fields->callAt === null ? 0 : 1,
			// Group ids start at 1: no group is NULL.
			$fields->groupId ?? 0,
			NewCallback::NOTIFY_PENDING,
		));
		$id = (int) $wpdb->insert_id;
		$this->sql->execute("UPDATE {$wpdb->leadtrail_callback_lock} SET accepted = accepted + 1 WHERE id = 1");
		return $id;
	}
}
