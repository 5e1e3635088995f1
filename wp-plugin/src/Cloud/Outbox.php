<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

use LeadTrail\Ingest\StorageUnavailable;

/**
 * The outbox table (docs/contracts.md, "Outbox"): rows are added in the lead's transaction,
 * claimed by one worker with a conditional UPDATE (a random claim token), and finished by the
 * worker that holds the claim. Delivery's rules decide the states.
 */
final class Outbox
{
	/**
	 * Seconds after which a row still "sending" is taken as abandoned (its worker died) and may be
	 * claimed again. Far longer than the HTTP timeout, so a slow send is never sent twice at once.
	 */
	public const LEASE = 300;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * Queues a lead. A target the policy refuses is stored as failed and given up at once: the
	 * lead is kept and shown, and that address is never contacted.
	 *
	 * @param array<string, string> $payload
	 * @throws StorageUnavailable
	 */
	public function add(int $requestId, string $target, array $payload, ?string $refusal, int $now): void
	{
		$wpdb = $this->wpdb;
		$added = $wpdb->query($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_outbox} (request_id, target, payload, state, attempts, next_try_at, last_error, created_at)
				VALUES (%d, %s, %s, %s, 0, NULLIF(%d, 0), %s, %d)",
			$requestId,
			$target,
			(string) wp_json_encode($payload, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES),
			$refusal === null ? Delivery::PENDING : Delivery::FAILED,
			// A refused row is never due: NULL (a time is never 0).
			$refusal === null ? $now : 0,
			$refusal === null ? '' : 'Not sent: ' . substr($refusal, 0, 400),
			$now,
		));
		if ($added === false) {
			throw new StorageUnavailable($wpdb->last_error);
		}
	}

	/** @return list<int> ids of rows that may be claimed now, oldest first */
	public function due(int $now, int $limit): array
	{
		$wpdb = $this->wpdb;
		$ids = $wpdb->get_col($wpdb->prepare(
			"SELECT id FROM {$wpdb->leadtrail_outbox}
				WHERE (state IN ('pending', 'failed') AND next_try_at <= %d) OR (state = 'sending' AND claimed_at < %d)
				ORDER BY id LIMIT %d",
			$now,
			$now - self::LEASE,
			$limit
		));
		return array_map('intval', is_array($ids) ? $ids : []);
	}

	/**
	 * Claims a row for one attempt: only one worker's UPDATE matches. Returns the row as claimed,
	 * null when another worker has it, it is not due or it is done.
	 *
	 * @return array<string, string|null>|null
	 */
	public function claim(int $id, int $now): ?array
	{
		$wpdb = $this->wpdb;
		$token = bin2hex(random_bytes(16));
		$claimed = $wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_outbox} SET state = 'sending', claim_token = %s, claimed_at = %d, attempts = attempts + 1
				WHERE id = %d AND ((state IN ('pending', 'failed') AND next_try_at <= %d) OR (state = 'sending' AND claimed_at < %d))",
			$token,
			$now,
			$id,
			$now,
			$now - self::LEASE
		));
		if ($claimed !== 1) {
			return null;
		}
		$row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$wpdb->leadtrail_outbox} WHERE id = %d AND claim_token = %s", $id, $token), ARRAY_A);
		return is_array($row) ? $row : null;
	}

	/** Ends an attempt; only the worker holding the claim can. */
	public function finish(int $id, string $token, Delivery $delivery, int $now): void
	{
		$wpdb = $this->wpdb;
		// NULLIF(…, 0): no next try, not delivered (a time is never 0).
		$wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_outbox} SET state = %s, next_try_at = NULLIF(%d, 0), last_error = %s, delivered_at = NULLIF(%d, 0),
				claim_token = NULL WHERE id = %d AND claim_token = %s AND state = 'sending'",
			$delivery->state,
			$delivery->nextTryAt ?? 0,
			substr($delivery->lastError, 0, 500),
			$delivery->state === Delivery::DELIVERED ? $now : 0,
			$id,
			$token,
		));
	}

	/** A manual resend of a request's row: due now, with a fresh count. False when not possible. */
	public function resend(int $requestId, int $now): bool
	{
		$wpdb = $this->wpdb;
		$row = $this->forRequest($requestId);
		if ($row === null || Delivery::resend((string) $row['state'], $now) === null) {
			return false;
		}
		return $wpdb->query($wpdb->prepare(
			"UPDATE {$wpdb->leadtrail_outbox} SET state = 'pending', next_try_at = %d, attempts = 0, last_error = ''
				WHERE request_id = %d AND state IN ('pending', 'failed')",
			$now,
			$requestId
		)) === 1;
	}

	/** @return array<string, string|null>|null */
	public function forRequest(int $requestId): ?array
	{
		$wpdb = $this->wpdb;
		$row = $wpdb->get_row($wpdb->prepare("SELECT * FROM {$wpdb->leadtrail_outbox} WHERE request_id = %d", $requestId), ARRAY_A);
		return is_array($row) ? $row : null;
	}

	/**
	 * The rows of several requests, for the Requests list.
	 *
	 * @param list<int> $requestIds
	 * @return array<int, array<string, string|null>> request id => row
	 */
	public function forRequests(array $requestIds): array
	{
		$wpdb = $this->wpdb;
		if ($requestIds === []) {
			return [];
		}
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT request_id, state, attempts, next_try_at, last_error FROM {$wpdb->leadtrail_outbox} WHERE request_id IN ("
				. implode(', ', array_fill(0, count($requestIds), '%d')) . ')',
			...$requestIds
		), ARRAY_A);
		$byRequest = [];
		foreach (is_array($rows) ? $rows : [] as $row) {
			$byRequest[(int) $row['request_id']] = $row;
		}
		return $byRequest;
	}
}
