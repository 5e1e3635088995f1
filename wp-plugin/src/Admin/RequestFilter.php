<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use DateTimeZone;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Support\Utf8;

/**
 * The search and filters of the Requests screen and its CSV export, read from
 * the query string: text search, form name, sale yes/no, source, status and a
 * range of days in the site's time zone. A value that cannot be a filter is
 * reported and left out, never an error.
 */
final class RequestFilter
{
	public const SEARCH = 's';
	public const FORM = 'form';
	public const SALE = 'sale';
	public const SOURCE = 'source';
	public const STATUS = 'status';
	public const FROM = DayRange::FROM;
	public const TO = DayRange::TO;

	public const STATUSES = ['new', 'processed'];
	private const MAX_SEARCH = 200;

	/** The ends of the DayRange, for the filter form. */
	public readonly ?string $from;
	public readonly ?string $to;

	/** @param list<string> $problems the names of parameters that were left out */
	private function __construct(
		public readonly ?string $search,
		public readonly ?string $form,
		public readonly ?string $sale,
		public readonly ?string $source,
		public readonly ?string $status,
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
		$search = QueryParam::text($query, self::SEARCH);
		if ($search !== null) {
			$search = trim($search);
			if ($search === '') {
				$search = null;
			} elseif (!Utf8::isValid($search) || Utf8::length($search) > self::MAX_SEARCH) {
				$problems[] = self::SEARCH;
				$search = null;
			}
		}
		$form = QueryParam::text($query, self::FORM);
		if ($form !== null && (!Utf8::isValid($form) || Utf8::length($form) > LeadFields::MAX_FORM_NAME)) {
			$problems[] = self::FORM;
			$form = null;
		}
		$sale = self::choice($query, self::SALE, ['yes', 'no'], $problems);
		$status = self::choice($query, self::STATUS, self::STATUSES, $problems);
		$source = QueryParam::text($query, self::SOURCE);
		if ($source !== null && preg_match('/^[a-z0-9_-]{1,32}$/', $source) !== 1) {
			$problems[] = self::SOURCE;
			$source = null;
		}
		$days = DayRange::fromQuery($query, $zone);
		return new self($search, $form, $sale, $source, $status, $days, array_merge($problems, $days->problems));
	}

	/**
	 * The SQL conditions (for wpdb::prepare) on the requests table aliased `r`, and their arguments.
	 *
	 * @return array{0: list<string>, 1: list<string|int>}
	 */
	public function conditions(): array
	{
		$sql = [];
		$args = [];
		if ($this->search !== null) {
			$like = '%' . self::escapeLike($this->search) . '%';
			$any = ['r.name LIKE %s', 'r.email LIKE %s', 'r.phone LIKE %s', 'r.message LIKE %s'];
			array_push($args, $like, $like, $like, $like);
			// "+7 (912) 345" finds 79123456789 too: phones are also searched by their digits.
			$digits = (string) preg_replace('/[^0-9]/', '', $this->search);
			if (strlen($digits) >= 3 && preg_match('/^[0-9+()\-. ]+$/', $this->search) === 1) {
				$any[] = 'r.phone_normalized LIKE %s';
				$args[] = '%' . $digits . '%';
			}
			$sql[] = '(' . implode(' OR ', $any) . ')';
		}
		if ($this->form !== null) {
			$sql[] = 'r.form_name = %s';
			$args[] = $this->form;
		}
		if ($this->sale !== null) {
			$sql[] = 'r.is_sale = %d';
			$args[] = $this->sale === 'yes' ? 1 : 0;
		}
		if ($this->source !== null) {
			$sql[] = 'r.source = %s';
			$args[] = $this->source;
		}
		if ($this->status !== null) {
			$sql[] = 'r.status = %s';
			$args[] = $this->status;
		}
		[$daySql, $dayArgs] = $this->days->conditions('r.created_at');
		return [array_merge($sql, $daySql), array_merge($args, $dayArgs)];
	}

	/** @return array<string, string> the search and filters as query parameters, for links and the export */
	public function queryArgs(): array
	{
		return array_filter([
			self::SEARCH => $this->search,
			self::FORM => $this->form,
			self::SALE => $this->sale,
			self::SOURCE => $this->source,
			self::STATUS => $this->status,
		], static fn (?string $value): bool => $value !== null) + $this->days->queryArgs();
	}

	/** As wpdb::esc_like(): % _ and \ match themselves. */
	public static function escapeLike(string $text): string
	{
		return addcslashes($text, '_%\\');
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
