<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use DateTimeImmutable;
use DateTimeZone;

/**
 * A call's start time as unix seconds: unix seconds or milliseconds, or an ISO 8601
 * date and time ("2026-12-07T10:15:00+03:00", "2026-12-07 10:15:00"). A time without
 * an offset is in the site's time zone, as call logs are written.
 */
final class CallTime
{
	/** 2000-01-01: earlier is a mistake (an amount of seconds, a swapped column). */
	private const EARLIEST = 946684800;
	/** Clocks of PBXs drift; a call more than a day ahead is not a call yet. */
	private const AHEAD = 86400;
	private const ISO = '/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/';

	/** @throws InvalidCallField */
	public static function parse(mixed $value, DateTimeZone $zone, int $now, string $field): int
	{
		if (is_int($value) || (is_string($value) && preg_match('/^\d{9,13}$/', trim($value)) === 1)) {
			$seconds = (int) $value;
			// Thirteen digits: milliseconds, as JavaScript and many APIs give them.
			$seconds = $seconds >= 100000000000 ? intdiv($seconds, 1000) : $seconds;
			return self::inRange($seconds, $now, $field);
		}
		if (!is_string($value) || trim($value) === '') {
			throw new InvalidCallField($field, 'required: unix seconds or an ISO 8601 date and time');
		}
		$text = trim($value);
		if (preg_match(self::ISO, $text, $parts) !== 1) {
			throw new InvalidCallField($field, 'not unix seconds or an ISO 8601 date and time (2026-12-07T10:15:00+03:00)');
		}
		try {
			$time = new DateTimeImmutable($text, $zone);
		} catch (\Exception) {
			throw new InvalidCallField($field, 'not a real date and time');
		}
		// PHP rolls 2026-02-30 over into March; a date that does not exist is refused instead.
		$asGiven = ($parts[5] ?? '') === '' ? $time : $time->setTimezone(new DateTimeZone($parts[5] === 'Z' ? '+00:00' : $parts[5]));
		if ($asGiven->format('Y-m-d H:i') !== $parts[1] . ' ' . $parts[2]) {
			throw new InvalidCallField($field, 'not a real date and time');
		}
		return self::inRange($time->getTimestamp(), $now, $field);
	}

	/** @throws InvalidCallField */
	private static function inRange(int $seconds, int $now, string $field): int
	{
		if ($seconds < self::EARLIEST || $seconds > $now + self::AHEAD) {
			throw new InvalidCallField($field, 'out of range: before 2000 or more than a day ahead');
		}
		return $seconds;
	}
}
