<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use Closure;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Leads\LeadStore;
use LeadTrail\Leads\NewLead;

/**
 * A LeadStore in memory with the database's semantics: a transaction that fails
 * leaves nothing behind, a fingerprint is claimed once per window, counts add up.
 */
final class MemoryLeadStore implements LeadStore
{
	/** @var list<NewLead> */
	public array $leads = [];
	/** @var array<string, int> fingerprint => claimed at */
	public array $claims = [];
	/** @var array<string, int> "bucket|window start" => hits */
	public array $counts = [];
	/** When set, addLead throws it (a database that fails). */
	public ?StorageUnavailable $failure = null;

	public function atomically(Closure $apply): void
	{
		$before = $this->snapshot();
		try {
			$apply();
		} catch (\Throwable $error) {
			$this->restore($before);
			throw $error;
		}
	}

	public function countRequest(string $bucket, int $windowStart, int $window): array
	{
		$key = $bucket . '|' . $windowStart;
		$this->counts[$key] = ($this->counts[$key] ?? 0) + 1;
		return [$this->counts[$key], $this->counts[$bucket . '|' . ($windowStart - $window)] ?? 0];
	}

	public function claimFingerprint(string $fingerprint, int $now, int $window): bool
	{
		if (isset($this->claims[$fingerprint]) && $this->claims[$fingerprint] > $now - $window) {
			return false;
		}
		$this->claims[$fingerprint] = $now;
		return true;
	}

	public function addLead(NewLead $lead): int
	{
		if ($this->failure !== null) {
			throw $this->failure;
		}
		$this->leads[] = $lead;
		return count($this->leads);
	}

	/** @return array<string, mixed> */
	public function snapshot(): array
	{
		return ['leads' => $this->leads, 'claims' => $this->claims, 'counts' => $this->counts];
	}

	/** @param array<string, mixed> $state */
	public function restore(array $state): void
	{
		$this->leads = $state['leads'];
		$this->claims = $state['claims'];
		$this->counts = $state['counts'];
	}
}
