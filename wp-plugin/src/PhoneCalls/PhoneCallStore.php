<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Storage\Sql;

/**
 * Writes calls, each once: the unique call_key turns a second INSERT of the same
 * call into nothing (ON DUPLICATE KEY), even when two requests race.
 */
final class PhoneCallStore
{
	public const WEBHOOK = 'webhook';
	public const IMPORT = 'import';
	public const NOTIFY_NONE = 'none';
	public const NOTIFY_PENDING = 'pending';

	private readonly Sql $sql;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
	}

	/** @throws \LeadTrail\Ingest\StorageUnavailable */
	public function add(IncomingCall $call, CallAttribution $attribution, string $origin, bool $notify, int $now): RecordedCall
	{
		$wpdb = $this->wpdb;
		$key = $call->key();
		$pending = $notify && !$call->answered;
		$affected = $this->sql->insert($wpdb->leadtrail_phone_calls, [
			'call_key' => $key,
			'provider_call_id' => $call->providerCallId,
			'called' => $call->called,
			'caller' => $call->caller,
			'started_at' => gmdate('Y-m-d H:i:s', $call->startedAt),
			'duration' => $call->duration,
			'answered' => $call->answered ? 1 : 0,
			'recording_url' => $call->recordingUrl,
			'origin' => $origin,
			'attribution' => $attribution->kind,
			'visitor_id' => $attribution->visitorId,
			'session_id' => $attribution->sessionId,
			'source' => $attribution->source,
			'created_at' => gmdate('Y-m-d H:i:s', $now),
			'notify_state' => $pending ? self::NOTIFY_PENDING : self::NOTIFY_NONE,
			// When the notice began to wait, as the notice queue's digest reads it.
			'notified_at' => $pending ? gmdate('Y-m-d H:i:s', $now) : null,
		], 'ON DUPLICATE KEY UPDATE id = id');
		$row = $wpdb->get_row($wpdb->prepare(
			"SELECT id, attribution, visitor_id, session_id, source FROM {$wpdb->leadtrail_phone_calls} WHERE call_key = %s",
			$key
		), ARRAY_A);
		$this->sql->failIfError();
		if (!is_array($row)) {
			throw new \LeadTrail\Ingest\StorageUnavailable('the call just written cannot be read');
		}
		return new RecordedCall(
			(int) $row['id'],
			$affected === 1,
			CallAttribution::stored((string) $row['attribution'], (int) $row['visitor_id'], (int) $row['session_id'], (string) $row['source'])
		);
	}
}
