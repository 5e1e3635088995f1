<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

/**
 * When a failed delivery is tried again: 1 minute after the first failure, doubling to at most
 * 6 hours; after a timeout at least 15 minutes (the vendor may have recorded the lead and only
 * answered late, so a quick resend would more likely be a duplicate). After MAX_ATTEMPTS tries
 * the outbox gives up; a manual resend starts again.
 */
final class Backoff
{
	public const FIRST = 60;
	public const MAX_DELAY = 6 * 3600;
	public const AFTER_TIMEOUT = 15 * 60;
	public const MAX_ATTEMPTS = 12;

	/** @return int|null seconds until the next try after $attempts tries, null to give up */
	public static function delay(int $attempts, bool $timedOut = false): ?int
	{
		if ($attempts >= self::MAX_ATTEMPTS) {
			return null;
		}
		$delay = self::FIRST * (2 ** min(max($attempts - 1, 0), 20));
		$delay = min($delay, self::MAX_DELAY);
		return $timedOut ? max($delay, self::AFTER_TIMEOUT) : $delay;
	}
}
