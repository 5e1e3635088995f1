<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

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
	public const FROM = DayRange::FROM;
	public const TO = DayRange::TO;

	/** The ends of the DayRange, for the filter form. */
	public readonly ?string $from;
	public readonly ?string $to;

	/**
	 * @param list<string> $problems the names of parameters that were ignored, with the
	 *                               action filter as self::ACTION
	 */
	private function __construct(
		public readonly ?string $category,
		public readonly ?string $action,
		private readonly DayRange $days,
		public readonly array $problems,
	) {
		$this->from = $days->from;
		$this->to = $days->to;
	}

	/**
	 * @param array<string, mixed> $query       the unslashed query parameters
	 * @param string               $actionParam self::ACTION on the screen, self::EXPORT_ACTION in the export
	 */
	public static function fromQuery(array $query, DateTimeZone $zone, string $actionParam = self::ACTION): self
	{
		$days = DayRange::fromQuery($query, $zone);
		$problems = $days->problems;
		$category = QueryParam::text($query, self::CATEGORY);
		$action = QueryParam::text($query, $actionParam);
		foreach ([self::CATEGORY => &$category, self::ACTION => &$action] as $name => &$value) {
			// No stored event can match text that is not UTF-8, or longer than the column.
			if ($value !== null && (!Utf8::isValid($value) || Utf8::length($value) > EventRequest::MAX_TEXT)) {
				$problems[] = $name;
				$value = null;
			}
		}
		unset($value);
		return new self($category, $action, $days, $problems);
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
		[$daySql, $dayArgs] = $this->days->conditions('created_at');
		return [array_merge($sql, $daySql), array_merge($args, $dayArgs)];
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
		], static fn (?string $value): bool => $value !== null) + $this->days->queryArgs();
	}
}
