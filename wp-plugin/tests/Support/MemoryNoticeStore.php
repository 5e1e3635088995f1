<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use LeadTrail\Mail\NoticeQueue;
use LeadTrail\Mail\NoticeStore;

/** A NoticeStore in memory, with a claim that another process can win (claimedElsewhere, gone). */
final class MemoryNoticeStore implements NoticeStore
{
	/** @var list<int> ids another process claims between the read and the claim */
	public array $claimedElsewhere = [];
	/** @var list<int> ids deleted right after their claim */
	public array $gone = [];
	/** @var array<int, string> */
	public array $claimedAt = [];

	/** @param array<int, string> $states id => notify_state */
	public function __construct(public array $states)
	{
	}

	public function pending(int $limit): array
	{
		$ids = array_keys(array_filter($this->states, static fn (string $state): bool => $state === NoticeQueue::PENDING));
		sort($ids);
		return array_slice($ids, 0, $limit);
	}

	public function claim(int $id, string $at, string $from = NoticeQueue::PENDING): bool
	{
		if (in_array($id, $this->claimedElsewhere, true)) {
			$this->states[$id] = NoticeQueue::SENDING;
		}
		if ($this->states[$id] !== $from) {
			return false;
		}
		$this->states[$id] = NoticeQueue::SENDING;
		$this->claimedAt[$id] = $at;
		return true;
	}

	public function deferred(int $limit): array
	{
		$waiting = [];
		foreach ($this->states as $id => $state) {
			if ($state === NoticeQueue::DIGEST) {
				$waiting[$id] = (int) strtotime($this->claimedAt[$id] . ' UTC');
			}
		}
		ksort($waiting);
		return array_slice($waiting, 0, $limit, true);
	}

	public function row(int $id): ?array
	{
		return in_array($id, $this->gone, true) ? null : ['id' => (string) $id];
	}

	public function finish(int $id, string $state): void
	{
		$this->states[$id] = $state;
	}
}
