<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

/**
 * The outbox's state machine (docs/contracts.md, "Outbox"), without the database:
 *
 *     pending --claim--> sending --delivered--> delivered (final)
 *                          |--failed/timed out--> failed (next_try_at set: tried again by a claim)
 *                          |--failed, MAX_ATTEMPTS reached, or blocked--> failed (next_try_at null: given up)
 *     failed or pending --manual resend--> pending (due now)
 *     sending, claim older than the lease --claim--> sending (the worker died; see Outbox::LEASE)
 *
 * A row is claimed by one worker at a time (a conditional UPDATE with a claim token), so two
 * cron runs or web nodes never send the same row concurrently.
 */
final class Delivery
{
	public const PENDING = 'pending';
	public const SENDING = 'sending';
	public const DELIVERED = 'delivered';
	public const FAILED = 'failed';
	public const STATES = [self::PENDING, self::SENDING, self::DELIVERED, self::FAILED];

	private function __construct(
		public readonly string $state,
		/** Unix seconds of the next try, null when none is planned. */
		public readonly ?int $nextTryAt,
		public readonly string $lastError,
	) {
	}

	/** Whether a row in $state, due at $nextTryAt, claimed at $claimedAt, may be claimed now. */
	public static function claimable(string $state, ?int $nextTryAt, ?int $claimedAt, int $now, int $lease): bool
	{
		return match ($state) {
			self::PENDING, self::FAILED => $nextTryAt !== null && $nextTryAt <= $now,
			self::SENDING => $claimedAt !== null && $claimedAt < $now - $lease,
			default => false,
		};
	}

	/** The row after an attempt; $attempts counts this one. */
	public static function after(SendResult $result, int $attempts, int $now): self
	{
		if ($result->kind === SendResult::DELIVERED) {
			return new self(self::DELIVERED, null, '');
		}
		if ($result->kind === SendResult::BLOCKED) {
			return new self(self::FAILED, null, $result->error);
		}
		$delay = Backoff::delay($attempts, $result->kind === SendResult::TIMED_OUT);
		return new self(self::FAILED, $delay === null ? null : $now + $delay, $result->error);
	}

	/** A manual resend: due now, unless it was delivered or is being sent. */
	public static function resend(string $state, int $now): ?self
	{
		return in_array($state, [self::PENDING, self::FAILED], true) ? new self(self::PENDING, $now, '') : null;
	}
}
