<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use Closure;
use LeadTrail\Callbacks\CallbackCounts;
use LeadTrail\Callbacks\CallbackStore;
use LeadTrail\Callbacks\NewCallback;
use LeadTrail\Captcha\CaptchaRow;
use LeadTrail\Captcha\CaptchaStore;
use LeadTrail\Ingest\StorageUnavailable;

/**
 * The callback and captcha stores in memory with the database's semantics: a
 * transaction that fails leaves nothing behind; a request id and a key are taken once.
 */
final class MemoryCallbackStore implements CallbackStore, CaptchaStore
{
	/** @var list<NewCallback> */
	public array $callbacks = [];
	/** @var array<string, string> "visitor|request id" => answer */
	public array $seen = [];
	/** @var array<string, CaptchaRow> key hash => row */
	public array $captchas = [];
	/** @var array<string, int> "bucket|window start" => count */
	public array $counts = [];
	/** When set, addCallback and addCaptcha throw it (a database that fails). */
	public ?StorageUnavailable $failure = null;

	public function once(int $visitorId, string $requestId, int $now, Closure $decide): ?string
	{
		$key = $visitorId . '|' . $requestId;
		if (isset($this->seen[$key])) {
			return $this->seen[$key];
		}
		$answer = '';
		$this->atomically(function () use ($key, $decide, &$answer): void {
			$answer = $decide();
			$this->seen[$key] = $answer;
		});
		return null;
	}

	public function lockAndCount(int $sinceMs, int $visitorId, ?string $clientBucket): CallbackCounts
	{
		$window = array_filter($this->callbacks, static fn (NewCallback $callback): bool => $callback->acceptedMs >= $sinceMs);
		return new CallbackCounts(
			count($window),
			count(array_filter($window, static fn (NewCallback $callback): bool => $callback->visitorId === $visitorId)),
			$clientBucket === null ? 0 : count(array_filter($window, static fn (NewCallback $callback): bool => $callback->clientBucket === $clientBucket)),
		);
	}

	public function addCallback(NewCallback $callback): int
	{
		if ($this->failure !== null) {
			throw $this->failure;
		}
		$this->callbacks[] = $callback;
		return count($this->callbacks);
	}

	public function atomically(Closure $apply): void
	{
		$before = [$this->callbacks, $this->seen, $this->captchas, $this->counts];
		try {
			$apply();
		} catch (\Throwable $error) {
			[$this->callbacks, $this->seen, $this->captchas, $this->counts] = $before;
			throw $error;
		}
	}

	public function countCaptcha(string $bucket, int $windowStart, int $window): array
	{
		$key = $bucket . '|' . $windowStart;
		$this->counts[$key] = ($this->counts[$key] ?? 0) + 1;
		return [$this->counts[$key], $this->counts[$bucket . '|' . ($windowStart - $window)] ?? 0];
	}

	public function addCaptcha(string $keyHash, string $answerHash, int $createdAt, int $expiresAt): void
	{
		if ($this->failure !== null) {
			throw $this->failure;
		}
		$this->captchas[$keyHash] = new CaptchaRow($answerHash, $expiresAt, false);
	}

	public function findCaptcha(string $keyHash): ?CaptchaRow
	{
		return $this->captchas[$keyHash] ?? null;
	}

	public function takeCaptcha(string $keyHash): ?CaptchaRow
	{
		$row = $this->captchas[$keyHash] ?? null;
		if ($row !== null) {
			$this->captchas[$keyHash] = new CaptchaRow($row->answerHash, $row->expiresAt, true);
		}
		return $row;
	}
}
