<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use DateTimeImmutable;
use DateTimeZone;

/**
 * The "from … to" days of a screen's filter, in the site's time zone, and the
 * conditions they put on a UTC DATETIME column. The Events and Requests screens
 * (and their exports) share it so that a day means the same on both. A date that
 * is not a date, or a "to" before the "from", is reported and left out.
 */
final class DayRange
{
	public const FROM = 'from';
	public const TO = 'to';

	/** @param list<string> $problems self::FROM and/or self::TO when left out */
	private function __construct(
		public readonly ?string $from,
		public readonly ?string $to,
		private readonly DateTimeZone $zone,
		public readonly array $problems,
	) {
	}

	/** @param array<string, mixed> $query the unslashed query parameters */
	public static function fromQuery(array $query, DateTimeZone $zone): self
	{
		$problems = [];
		$from = self::date($query, self::FROM, $zone, $problems);
		$to = self::date($query, self::TO, $zone, $problems);
		if ($from !== null && $to !== null && $from > $to) {
			$problems[] = self::TO;
			$to = null;
		}
		return new self($from, $to, $zone, $problems);
	}

	/**
	 * The SQL conditions (for wpdb::prepare) on a UTC DATETIME column, and their arguments.
	 *
	 * @param string $column a trusted column name, e.g. "created_at" or "r.created_at"
	 * @return array{0: list<string>, 1: list<string>}
	 */
	public function conditions(string $column): array
	{
		$sql = [];
		$args = [];
		if ($this->from !== null) {
			$sql[] = $column . ' >= %s';
			$args[] = $this->utcStartOf($this->from);
		}
		if ($this->to !== null) {
			// Up to the end of that day: before the start of the next one.
			$sql[] = $column . ' < %s';
			$args[] = $this->utcStartOf((new DateTimeImmutable($this->to, $this->zone))->modify('+1 day')->format('Y-m-d'));
		}
		return [$sql, $args];
	}

	/** @return array<string, string> the days as query parameters, for links and the export */
	public function queryArgs(): array
	{
		return array_filter([
			self::FROM => $this->from,
			self::TO => $this->to,
		], static fn (?string $value): bool => $value !== null);
	}

	/** The UTC DATETIME at which a site-local day starts. */
	private function utcStartOf(string $day): string
	{
		return (new DateTimeImmutable($day . ' 00:00:00', $this->zone))
			->setTimezone(new DateTimeZone('UTC'))
			->format('Y-m-d H:i:s');
	}

	/**
	 * @param array<string, mixed> $query
	 * @param list<string>         $problems
	 */
	private static function date(array $query, string $name, DateTimeZone $zone, array &$problems): ?string
	{
		$value = QueryParam::text($query, $name);
		if ($value === null) {
			return null;
		}
		$value = trim($value);
		$date = preg_match('/^\d{4}-\d{2}-\d{2}$/', $value) === 1
			? DateTimeImmutable::createFromFormat('!Y-m-d', $value, $zone)
			: false;
		if ($date === false || $date->format('Y-m-d') !== $value) {
			$problems[] = $name;
			return null;
		}
		return $value;
	}
}
