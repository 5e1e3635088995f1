<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use DateTimeImmutable;
use DateTimeZone;
use LeadTrail\Calls\EventRequest;
use LeadTrail\Support\Utf8;

/**
 * The filters of the Events screen and its CSV export: category, action and a
 * range of days in the site's time zone, read from the query string. A date
 * that is not a date is reported and left out, never an error.
 */
final class EventFilter
{
	public const CATEGORY = 'category';
	public const ACTION = 'action';
	/** The action filter's name in the export link, where "action" names the admin-post handler. */
	public const EXPORT_ACTION = 'event_action';
	public const FROM = 'from';
	public const TO = 'to';

	/**
	 * @param list<string> $problems the names of parameters that were ignored, with the
	 *                               action filter as self::ACTION
	 */
	private function __construct(
		public readonly ?string $category,
		public readonly ?string $action,
		public readonly ?string $from,
		public readonly ?string $to,
		private readonly DateTimeZone $zone,
		public readonly array $problems,
	) {
	}

	/**
	 * @param array<string, mixed> $query       the unslashed query parameters
	 * @param string               $actionParam self::ACTION on the screen, self::EXPORT_ACTION in the export
	 */
	public static function fromQuery(array $query, DateTimeZone $zone, string $actionParam = self::ACTION): self
	{
		$problems = [];
		$from = self::date($query, self::FROM, $zone, $problems);
		$to = self::date($query, self::TO, $zone, $problems);
		if ($from !== null && $to !== null && $from > $to) {
			$problems[] = self::TO;
			$to = null;
		}
		$category = self::text($query, self::CATEGORY);
		$action = self::text($query, $actionParam);
		foreach ([self::CATEGORY => &$category, self::ACTION => &$action] as $name => &$value) {
			// No stored event can match text that is not UTF-8, or longer than the column.
			if ($value !== null && (!Utf8::isValid($value) || Utf8::length($value) > EventRequest::MAX_TEXT)) {
				$problems[] = $name;
				$value = null;
			}
		}
		unset($value);
		return new self($category, $action, $from, $to, $zone, $problems);
	}

	/**
	 * The SQL conditions (for wpdb::prepare) and their arguments, on the columns
	 * category, action and created_at (UTC).
	 *
	 * @return array{0: list<string>, 1: list<string>}
	 */
	public function conditions(): array
	{
		$sql = [];
		$args = [];
		if ($this->category !== null) {
			$sql[] = 'category = %s';
			$args[] = $this->category;
		}
		if ($this->action !== null) {
			$sql[] = 'action = %s';
			$args[] = $this->action;
		}
		if ($this->from !== null) {
			$sql[] = 'created_at >= %s';
			$args[] = $this->utcStartOf($this->from);
		}
		if ($this->to !== null) {
			// Up to the end of that day: before the start of the next one.
			$sql[] = 'created_at < %s';
			$args[] = $this->utcStartOf((new DateTimeImmutable($this->to, $this->zone))->modify('+1 day')->format('Y-m-d'));
		}
		return [$sql, $args];
	}

	/**
	 * @param string $actionParam see fromQuery()
	 * @return array<string, string> the filters as query parameters, for links and the export
	 */
	public function queryArgs(string $actionParam = self::ACTION): array
	{
		return array_filter([
			self::CATEGORY => $this->category,
			$actionParam => $this->action,
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

	/** @param array<string, mixed> $query */
	private static function text(array $query, string $name): ?string
	{
		$value = $query[$name] ?? null;
		return is_string($value) && $value !== '' ? $value : null;
	}

	/**
	 * @param array<string, mixed> $query
	 * @param list<string>         $problems
	 */
	private static function date(array $query, string $name, DateTimeZone $zone, array &$problems): ?string
	{
		$value = self::text($query, $name);
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
