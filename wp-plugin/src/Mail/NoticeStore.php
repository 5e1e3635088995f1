<?php

declare(strict_types=1);

namespace LeadTrail\Mail;

/**
 * The rows a NoticeQueue works through, by their notify_state: kept apart from
 * the queue so that its state machine is tested without a database.
 */
interface NoticeStore
{
	/** @return list<int> up to $limit ids still "pending", oldest first */
	public function pending(int $limit): array;

	/** Moves one row from $from ("pending", or "digest") to "sending"; false when another process had it first. */
	public function claim(int $id, string $at, string $from = NoticeQueue::PENDING): bool;

	/** @return array<int, int> up to $limit rows waiting for a digest, oldest first: id => since (unix seconds) */
	public function deferred(int $limit): array;

	/** @return array<string, string|null>|null the whole row, null when it is gone */
	public function row(int $id): ?array;

	/** Records how the notice ended ("sent", "failed" or "none") or that it waits for a digest ("digest"). */
	public function finish(int $id, string $state): void;
}
