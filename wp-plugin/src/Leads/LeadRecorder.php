<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use Closure;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\TableCharset;

/**
 * LeadStore with $wpdb. A lead costs, after the options read and the identity
 * check, four statements in one transaction: the rate count (an upsert and a
 * read), the fingerprint claim and the row.
 */
final class LeadRecorder implements LeadStore
{
	private readonly Sql $sql;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);

		TableCharset::assumeOurs($wpdb);
	}

	public function atomically(Closure $apply): void
	{
		$this->sql->atomically($apply);
	}

	public function countRequest(string $bucket, int $windowStart, int $window): array
	{
		$wpdb = $this->wpdb;
		// Atomic on the row: concurrent requests of one bucket each add their own 1.
		$this->sql->execute($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_rate_limits} (bucket, window_start, hits) VALUES (%s, %d, 1) ON DUPLICATE KEY UPDATE hits = hits + 1",
			$bucket,
			$windowStart,
		));
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT window_start, hits FROM {$wpdb->leadtrail_rate_limits} WHERE bucket = %s AND window_start IN (%d, %d)",
			$bucket,
			$windowStart,
			$windowStart - $window,
		), ARRAY_A);
		$this->sql->failIfError();
		$counts = [$windowStart => 0, $windowStart - $window => 0];
		foreach (is_array($rows) ? $rows : [] as $row) {
			$counts[(int) $row['window_start']] = (int) $row['hits'];
		}
		return [max(1, $counts[$windowStart]), $counts[$windowStart - $window]];
	}

	public function claimFingerprint(string $fingerprint, int $now, int $window): bool
	{
		$wpdb = $this->wpdb;
		// 1 row affected: a new claim; 2: an expired claim renewed; 0: a live claim, a duplicate.
		$affected = $this->sql->execute($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_request_claims} (fingerprint, created_at) VALUES (%s, %d)
				ON DUPLICATE KEY UPDATE created_at = IF(created_at <= %d, VALUES(created_at), created_at)",
			$fingerprint,
			$now,
			$now - $window,
		));
		return $affected > 0;
	}

	public function addLead(NewLead $lead): int
	{
		$fields = $lead->fields;
		$row = [
			'created_at' => gmdate('Y-m-d H:i:s', $lead->createdAt),
			'visitor_id' => $lead->visitorId,
			'session_id' => $lead->sessionId,
			'hit_id' => $lead->hitId,
			'page_url' => $lead->pageUrl,
			'name' => $fields->name,
			'email' => $fields->email,
			'phone' => $fields->phone,
			'phone_normalized' => $fields->phoneDigits,
			'message' => $fields->message,
			'is_sale' => $fields->isSale ? 1 : 0,
			'sale_cost' => $fields->saleCost,
			'group_id' => $fields->groupId,
			'form_name' => $fields->formName,
			'user_fields' => $fields->userFieldsJson(),
			'source' => $lead->source,
			'status' => 'new',
			'fingerprint' => $lead->fingerprint,
			'notify_state' => $lead->notifyState,
			'verified' => $lead->byToken ? 1 : 0,
		];
		$this->sql->insert($this->wpdb->leadtrail_requests, $row);
		return (int) $this->wpdb->insert_id;
	}
}
