<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use DateTimeZone;

/**
 * The filters of LeadTrail > Calls and its export: days of the start time,
 * answered or missed, attributed or not, new or processed, and a phone searched
 * by its digits.
 * A value that does not fit is left out and listed in $problems.
 */
final class CallFilter
{
	public const SEARCH = 's';
	public const STATUS = 'call_status';
	public const ATTRIBUTED = 'attributed';
	public const PROCESSED = 'processing';
	public const STATUSES = ['answered', 'missed'];
	/** What the screen's users mark a call: new until someone dealt with it. */
	public const PROCESSING = ['new', 'processed'];
	public const ATTRIBUTIONS = ['yes', 'no'];

	public readonly ?string $from;
	public readonly ?string $to;

	/** @param list<string> $problems the names of the parameters left out */
	private function __construct(
		public readonly ?string $digits,
		public readonly ?string $status,
		public readonly ?string $attributed,
		public readonly ?string $processing,
		private readonly DayRange $days,
		public readonly array $problems,
	) {
		$this->from = $days->from;
		$this->to = $days->to;
	}

	/** @param array<string, mixed> $query the unslashed query parameters */
	public static function fromQuery(array $query, DateTimeZone $zone): self
	{
		$problems = [];
		$digits = null;
		$search = QueryParam::text($query, self::SEARCH);
		if ($search !== null && trim($search) !== '') {
			// "+7 (912) 345" finds 79123456789: the numbers are stored as digits.
			$digits = preg_match('/^[0-9+()\-. ]{1,40}$/', trim($search)) === 1 ? (string) preg_replace('/[^0-9]/', '', $search) : '';
			if ($digits === '') {
				$problems[] = self::SEARCH;
				$digits = null;
			}
		}
		$status = self::choice($query, self::STATUS, self::STATUSES, $problems);
		$attributed = self::choice($query, self::ATTRIBUTED, self::ATTRIBUTIONS, $problems);
		$processing = self::choice($query, self::PROCESSED, self::PROCESSING, $problems);
		$days = DayRange::fromQuery($query, $zone);
		return new self($digits, $status, $attributed, $processing, $days, array_merge($problems, $days->problems));
	}

	/**
	 * The WHERE conditions on the calls table aliased "c", with their arguments.
	 *
	 * @return array{0: list<string>, 1: list<string|int>}
	 */
	public function conditions(): array
	{
		$sql = [];
		$args = [];
		if ($this->digits !== null) {
			$sql[] = '(c.caller LIKE %s OR c.called LIKE %s)';
			array_push($args, '%' . $this->digits . '%', '%' . $this->digits . '%');
		}
		if ($this->status !== null) {
			$sql[] = 'c.answered = %d';
			$args[] = $this->status === 'answered' ? 1 : 0;
		}
		if ($this->attributed !== null) {
			$sql[] = $this->attributed === 'yes' ? "c.attribution <> 'none'" : "c.attribution = 'none'";
		}
		if ($this->processing !== null) {
			$sql[] = 'c.status = %s';
			$args[] = $this->processing;
		}
		[$daySql, $dayArgs] = $this->days->conditions('c.started_at');
		return [array_merge($sql, $daySql), array_merge($args, $dayArgs)];
	}

	/** @return array<string, string> the filters in effect, as query parameters (for links and the export) */
	public function queryArgs(): array
	{
		return array_filter([
			self::SEARCH => $this->digits,
			self::STATUS => $this->status,
			self::ATTRIBUTED => $this->attributed,
			self::PROCESSED => $this->processing,
		], static fn (?string $value): bool => $value !== null) + $this->days->queryArgs();
	}

	/**
	 * @param array<string, mixed> $query
	 * @param list<string>         $allowed
	 * @param list<string>         $problems
	 */
	private static function choice(array $query, string $name, array $allowed, array &$problems): ?string
	{
		$value = QueryParam::text($query, $name);
		if ($value !== null && !in_array($value, $allowed, true)) {
			$problems[] = $name;
			return null;
		}
		return $value;
	}
}
