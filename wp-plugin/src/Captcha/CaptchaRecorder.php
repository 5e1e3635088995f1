<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

use Closure;
use LeadTrail\Leads\LeadRecorder;
use LeadTrail\Storage\Sql;

/**
 * CaptchaStore with $wpdb. The per-address count shares the requests' rate-limit
 * table (and its pruning) through LeadRecorder, under a bucket of its own.
 */
final class CaptchaRecorder implements CaptchaStore
{
	private readonly Sql $sql;
	private readonly LeadRecorder $limits;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
		$this->limits = new LeadRecorder($wpdb);
	}

	public function atomically(Closure $apply): void
	{
		$this->limits->atomically($apply);
	}

	public function countCaptcha(string $bucket, int $windowStart, int $window): array
	{
		return $this->limits->countRequest($bucket, $windowStart, $window);
	}

	public function addCaptcha(string $keyHash, string $answerHash, int $createdAt, int $expiresAt): void
	{
		$wpdb = $this->wpdb;
		$this->sql->execute($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_captchas} (key_hash, answer_hash, created_at, expires_at, used) VALUES (%s, %s, %d, %d, 0)",
			$keyHash,
			$answerHash,
			$createdAt,
			$expiresAt,
		));
	}

	public function findCaptcha(string $keyHash): ?CaptchaRow
	{
		$wpdb = $this->wpdb;
		return $this->row($wpdb->get_row($wpdb->prepare(
			"SELECT answer_hash, expires_at, used FROM {$wpdb->leadtrail_captchas} WHERE key_hash = %s",
			$keyHash,
		), ARRAY_A));
	}

	public function takeCaptcha(string $keyHash): ?CaptchaRow
	{
		$wpdb = $this->wpdb;
		$row = $this->row($wpdb->get_row($wpdb->prepare(
			"SELECT answer_hash, expires_at, used FROM {$wpdb->leadtrail_captchas} WHERE key_hash = %s FOR UPDATE",
			$keyHash,
		), ARRAY_A));
		if ($row !== null && !$row->used) {
			$this->sql->execute($wpdb->prepare("UPDATE {$wpdb->leadtrail_captchas} SET used = 1 WHERE key_hash = %s", $keyHash));
		}
		return $row;
	}

	/** Deletes keys that expired more than a minute ago; the cron job calls it. */
	public function prune(int $now): void
	{
		$wpdb = $this->wpdb;
		$wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_captchas} WHERE expires_at < %d", $now - 60));
	}

	/** The row that get_row() read (ARRAY_A), once the read is known not to have failed. */
	private function row(mixed $row): ?CaptchaRow
	{
		$this->sql->failIfError();
		return is_array($row) ? new CaptchaRow((string) $row['answer_hash'], (int) $row['expires_at'], (int) $row['used'] === 1) : null;
	}
}
