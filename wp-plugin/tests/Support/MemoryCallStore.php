<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use Closure;
use LeadTrail\Calls\CallIdentity;
use LeadTrail\Calls\CallStore;
use LeadTrail\Calls\EventRequest;
use LeadTrail\Calls\Location;
use LeadTrail\Calls\Property;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\StorageUnavailable;

/**
 * A CallStore in memory with the database's semantics: a transaction that
 * fails leaves nothing behind, a request id is claimed once per visitor.
 */
final class MemoryCallStore implements CallStore
{
	/** @var array<int, int> session id => visitor id */
	public array $sessions = [];
	/** @var array<int, array{0: int, 1: string}> hit id => [session id, url] */
	public array $hits = [];
	/** @var list<array{CallIdentity, EventRequest, int}> */
	public array $events = [];
	/** @var array<int, string> */
	public array $names = [];
	/** @var array<int, true> the visitors whose name was given with their token */
	public array $namesByToken = [];
	/** @var array<string, array{visitor: int, kind: string, value: string, source: string, page: string, byToken: bool}> */
	public array $contacts = [];
	/** @var array<int, array<string, ?string>> visitor id => name => value */
	public array $properties = [];
	/** @var array<string, string> "visitor|request id" => answer */
	public array $seen = [];
	/** When set, every write throws it (a database that fails). */
	public ?StorageUnavailable $failure = null;
	public int $queries = 0;

	public function locate(int $visitorId, int $sessionId, ?int $hitId): Location
	{
		$this->queries++;
		if (($this->sessions[$sessionId] ?? null) !== $visitorId) {
			return new Location(Location::SESSION);
		}
		if ($hitId === null) {
			return new Location(null);
		}
		if (($this->hits[$hitId][0] ?? null) !== $sessionId) {
			return new Location(Location::HIT);
		}
		return new Location(null, $this->hits[$hitId][1]);
	}

	public function once(int $visitorId, string $requestId, string $answer, int $now, Closure $apply): ?string
	{
		$key = $visitorId . '|' . $requestId;
		if (isset($this->seen[$key])) {
			return $this->seen[$key];
		}
		$this->atomically(function () use ($key, $answer, $apply): void {
			$this->seen[$key] = $answer;
			$apply();
		});
		return null;
	}

	public function atomically(Closure $apply): void
	{
		$before = get_object_vars($this);
		try {
			$apply();
		} catch (\Throwable $error) {
			foreach ($before as $name => $value) {
				$this->{$name} = $value;
			}
			throw $error;
		}
	}

	public function addEvent(CallIdentity $identity, EventRequest $event, int $now): void
	{
		$this->write();
		$this->events[] = [$identity, $event, $now];
	}

	public function addVisitorInfo(int $visitorId, VisitorInfo $info, string $source, bool $byToken, string $pageUrl, int $now): void
	{
		$this->write();
		if ($info->name !== null && ($byToken || !isset($this->namesByToken[$visitorId]))) {
			$this->names[$visitorId] = $info->name;
			if ($byToken) {
				$this->namesByToken[$visitorId] = true;
			}
		}
		foreach ($info->contacts as $contact) {
			$key = $visitorId . '|' . $contact->kind . '|' . $contact->normalized;
			$this->contacts[$key] ??= [
				'visitor' => $visitorId,
				'kind' => $contact->kind,
				'value' => $contact->value,
				'source' => $source,
				'page' => $pageUrl,
				'byToken' => false,
			];
			$this->contacts[$key]['byToken'] = $this->contacts[$key]['byToken'] || $byToken;
		}
	}

	public function setProperty(int $visitorId, string $name, ?string $value, int $now): void
	{
		$this->write();
		$this->properties[$visitorId][$name] = $value;
	}

	public function deleteProperty(int $visitorId, string $name): void
	{
		$this->write();
		unset($this->properties[$visitorId][$name]);
	}

	public function property(int $visitorId, string $name): ?Property
	{
		$this->queries++;
		$all = $this->properties[$visitorId] ?? [];
		return array_key_exists($name, $all) ? new Property($name, $all[$name]) : null;
	}

	public function properties(int $visitorId): array
	{
		$this->queries++;
		$list = [];
		foreach ($this->properties[$visitorId] ?? [] as $name => $value) {
			$list[] = new Property((string) $name, $value);
		}
		return $list;
	}

	private function write(): void
	{
		$this->queries++;
		if ($this->failure !== null) {
			throw $this->failure;
		}
	}
}
