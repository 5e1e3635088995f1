<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

use DateTimeImmutable;
use DateTimeZone;

/**
 * The days a report covers, checked: `from` and `to` as YYYY-MM-DD, `to` not before
 * `from`, at most MAX_DAYS long; the previous period is as long and ends the day before.
 */
final class ReportRange
{
	public const MAX_DAYS = 1000;

	private function __construct(public readonly string $from, public readonly string $to)
	{
	}

	/**
	 * @return self|string the range, or the name of the field that is wrong
	 */
	public static function parse(mixed $from, mixed $to): self|string
	{
		if (!self::isDay($from)) {
			return 'from';
		}
		if (!self::isDay($to) || $to < $from) {
			return 'to';
		}
		$range = new self($from, $to);
		return $range->length() > self::MAX_DAYS ? 'to' : $range;
	}

	public function length(): int
	{
		return (int) self::day($this->from)->diff(self::day($this->to))->days + 1;
	}

	public function previous(): self
	{
		$end = self::day($this->from)->modify('-1 day');
		$start = $end->modify('-' . ($this->length() - 1) . ' days');
		return new self($start->format('Y-m-d'), $end->format('Y-m-d'));
	}

	public function isOneDay(): bool
	{
		return $this->from === $this->to;
	}

	/** @phpstan-assert-if-true string $value */
	private static function isDay(mixed $value): bool
	{
		if (!is_string($value) || preg_match('/^\d{4}-\d{2}-\d{2}$/', $value) !== 1) {
			return false;
		}
		$parsed = DateTimeImmutable::createFromFormat('!Y-m-d', $value, new DateTimeZone('UTC'));
		return $parsed !== false && $parsed->format('Y-m-d') === $value;
	}

	private static function day(string $value): DateTimeImmutable
	{
		return new DateTimeImmutable($value . ' 12:00:00', new DateTimeZone('UTC'));
	}
}
