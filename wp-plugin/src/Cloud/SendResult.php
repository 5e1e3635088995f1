<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

/**
 * How one delivery attempt ended: delivered (the vendor answered `{"success": true}`), refused
 * for good (the address is not allowed: never retried), timed out (the vendor may have it), or
 * failed (an error to retry).
 */
final class SendResult
{
	public const DELIVERED = 'delivered';
	public const FAILED = 'failed';
	public const TIMED_OUT = 'timed_out';
	public const BLOCKED = 'blocked';

	private function __construct(
		public readonly string $kind,
		public readonly string $error,
	) {
	}

	public static function delivered(): self
	{
		return new self(self::DELIVERED, '');
	}

	public static function failed(string $error): self
	{
		return new self(self::FAILED, $error);
	}

	public static function timedOut(string $error): self
	{
		return new self(self::TIMED_OUT, $error);
	}

	public static function blocked(string $error): self
	{
		return new self(self::BLOCKED, $error);
	}

	/**
	 * Reads the vendor's answer (A6): delivered only on HTTP 2xx with a JSON body whose
	 * `success` is true.
	 */
	public static function fromAnswer(int $status, string $body): self
	{
		try {
			$json = json_decode($body, true, 8, JSON_THROW_ON_ERROR);
		} catch (\JsonException) {
			$json = null;
		}
		if ($status >= 200 && $status < 300 && is_array($json) && ($json['success'] ?? null) === true) {
			return self::delivered();
		}
		$code = is_array($json) && is_array($json['result'] ?? null) && is_string($json['result']['code'] ?? null)
			? ' ' . $json['result']['code'] : '';
		$what = is_array($json) && ($json['success'] ?? null) === false ? 'success: false' . $code : 'not an A6 answer';
		return self::failed(sprintf('HTTP %d, %s', $status, substr($what, 0, 200)));
	}
}
