<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use DateTimeImmutable;
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
	public const FROM = 'from';
	public const TO = 'to';

	public const STATUSES = ['new', 'processed'];
	private const MAX_SEARCH = 200;

	/** @param list<string> $problems the names of parameters that were left out */
	private function __construct(
		public readonly ?string $search,
		public readonly ?string $form,
		public readonly ?string $sale,
		public readonly ?string $source,
		public readonly ?string $status,
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
		$search = self::text($query, self::SEARCH);
		if ($search !== null) {
			$search = trim($search);
			if ($search === '') {
				$search = null;
			} elseif (!Utf8::isValid($search) || Utf8::length($search) > self::MAX_SEARCH) {
				$problems[] = self::SEARCH;
				$search = null;
			}
		}
		$form = self::text($query, self::FORM);
		if ($form !== null && (!Utf8::isValid($form) || Utf8::length($form) > LeadFields::MAX_FORM_NAME)) {
			$problems[] = self::FORM;
			$form = null;
		}
		$sale = self::choice($query, self::SALE, ['yes', 'no'], $problems);
		$status = self::choice($query, self::STATUS, self::STATUSES, $problems);
		$source = self::text($query, self::SOURCE);
		if ($source !== null && preg_match('/^[a-z0-9_-]{1,32}$/', $source) !== 1) {
			$problems[] = self::SOURCE;
			$source = null;
		}
		$from = self::date($query, self::FROM, $zone, $problems);
		$to = self::date($query, self::TO, $zone, $problems);
		if ($from !== null && $to !== null && $from > $to) {
			$problems[] = self::TO;
			$to = null;
		}
		return new self($search, $form, $sale, $source, $status, $from, $to, $zone, $problems);
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
		if ($this->from !== null) {
			$sql[] = 'r.created_at >= %s';
			$args[] = $this->utcStartOf($this->from);
		}
		if ($this->to !== null) {
			$sql[] = 'r.created_at < %s';
			$args[] = $this->utcStartOf((new DateTimeImmutable($this->to, $this->zone))->modify('+1 day')->format('Y-m-d'));
		}
		return [$sql, $args];
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
			self::FROM => $this->from,
			self::TO => $this->to,
		], static fn (?string $value): bool => $value !== null);
	}

	/** As wpdb::esc_like(): % _ and \ match themselves. */
	public static function escapeLike(string $text): string
	{
		return addcslashes($text, '_%\\');
	}

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
	 * @param list<string>         $allowed
	 * @param list<string>         $problems
	 */
	private static function choice(array $query, string $name, array $allowed, array &$problems): ?string
	{
		$value = self::text($query, $name);
		if ($value !== null && !in_array($value, $allowed, true)) {
			$problems[] = $name;
			return null;
		}
		return $value;
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
