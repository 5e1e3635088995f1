<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use Closure;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\TableCharset;
use LeadTrail\Storage\Tables;

/**
 * LeadStore with $wpdb. A lead costs, after the options read and the identity
 * check, four statements in one transaction: the rate count (an upsert and a
 * read), the fingerprint claim and the row.
 */
final class LeadRecorder implements LeadStore
{
	private readonly Sql $sql;
	private readonly string $requests;
	private readonly string $claims;
	private readonly string $limits;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
		$this->requests = Tables::name($wpdb, Tables::REQUESTS);
		$this->claims = Tables::name($wpdb, Tables::REQUEST_CLAIMS);
		$this->limits = Tables::name($wpdb, Tables::RATE_LIMITS);

		TableCharset::assumeOurs($wpdb);
	}

	public function atomically(Closure $apply): void
	{
		$this->sql->atomically($apply);
	}

	public function countRequest(string $bucket, int $windowStart, int $window): array
	{
		// Atomic on the row: concurrent requests of one bucket each add their own 1.
		$this->sql->execute($this->wpdb->prepare(
			"INSERT INTO {$this->limits} (bucket, window_start, hits) VALUES (%s, %d, 1) ON DUPLICATE KEY UPDATE hits = hits + 1",
			$bucket,
			$windowStart,
		));
		$rows = $this->wpdb->get_results($this->wpdb->prepare(
			"SELECT window_start, hits FROM {$this->limits} WHERE bucket = %s AND window_start IN (%d, %d)",
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
		// 1 row affected: a new claim; 2: an expired claim renewed; 0: a live claim, a duplicate.
		$affected = $this->sql->execute($this->wpdb->prepare(
			"INSERT INTO {$this->claims} (fingerprint, created_at) VALUES (%s, %d)
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
		$this->sql->insert($this->requests, $row);
		return (int) $this->wpdb->insert_id;
	}


}
