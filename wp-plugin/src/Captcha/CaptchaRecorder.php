<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

use Closure;
use LeadTrail\Leads\LeadRecorder;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\Tables;

/**
 * CaptchaStore with $wpdb. The per-address count shares the requests' rate-limit
 * table (and its pruning) through LeadRecorder, under a bucket of its own.
 */
final class CaptchaRecorder implements CaptchaStore
{
	private readonly Sql $sql;
	private readonly string $captchas;
	private readonly LeadRecorder $limits;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
		$this->captchas = Tables::name($wpdb, Tables::CAPTCHAS);
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
		$this->sql->execute($this->wpdb->prepare(
			"INSERT INTO {$this->captchas} (key_hash, answer_hash, created_at, expires_at, used) VALUES (%s, %s, %d, %d, 0)",
			$keyHash,
			$answerHash,
			$createdAt,
			$expiresAt,
		));
	}

	public function findCaptcha(string $keyHash): ?CaptchaRow
	{
		return $this->row($this->wpdb->prepare(
			"SELECT answer_hash, expires_at, used FROM {$this->captchas} WHERE key_hash = %s",
			$keyHash,
		));
	}

	public function takeCaptcha(string $keyHash): ?CaptchaRow
	{
		$row = $this->row($this->wpdb->prepare(
			"SELECT answer_hash, expires_at, used FROM {$this->captchas} WHERE key_hash = %s FOR UPDATE",
			$keyHash,
		));
		if ($row !== null && !$row->used) {
			$this->sql->execute($this->wpdb->prepare("UPDATE {$this->captchas} SET used = 1 WHERE key_hash = %s", $keyHash));
		}
		return $row;
	}

	/** Deletes keys that expired more than a minute ago; the cron job calls it. */
	public function prune(int $now): void
	{
		$this->wpdb->query($this->wpdb->prepare("DELETE FROM {$this->captchas} WHERE expires_at < %d", $now - 60));
	}

	private function row(string $sql): ?CaptchaRow
	{
		$row = $this->wpdb->get_row($sql, ARRAY_A);
		$this->sql->failIfError();
		return is_array($row) ? new CaptchaRow((string) $row['answer_hash'], (int) $row['expires_at'], (int) $row['used'] === 1) : null;
	}

}
