<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

use Closure;
use LeadTrail\Ingest\StorageUnavailable;

/**
 * Where captcha keys are kept, and the per-address count of new ones. Every method
 * throws StorageUnavailable when the database fails.
 */
interface CaptchaStore
{
	/**
	 * @param Closure(): void $apply run in one transaction: all of its writes, or none
	 * @throws StorageUnavailable
	 */
	public function atomically(Closure $apply): void;

	/**
	 * Counts one more captcha in $bucket's window (the rate-limit table of requests).
	 *
	 * @return array{0: int, 1: int} the current window's count (this one included) and the previous window's
	 * @throws StorageUnavailable
	 */
	public function countCaptcha(string $bucket, int $windowStart, int $window): array;

	/** @throws StorageUnavailable */
	public function addCaptcha(string $keyHash, string $answerHash, int $createdAt, int $expiresAt): void;

	/**
	 * A stored key, read without a lock (for its image).
	 *
	 * @throws StorageUnavailable
	 */
	public function findCaptcha(string $keyHash): ?CaptchaRow;

	/**
	 * Inside a transaction: locks the key, marks it used, and returns it as it was
	 * before (null when unknown), so two calls naming one key get it once.
	 *
	 * @throws StorageUnavailable
	 */
	public function takeCaptcha(string $keyHash): ?CaptchaRow;
}
