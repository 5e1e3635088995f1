<?php

declare(strict_types=1);

namespace LeadTrail\Retention;

/**
 * The "Keep tracking data for N days" setting: what the field accepts, and the
 * moment before which tracking rows go.
 */
final class RetentionDays
{
	/** Ten years: more is a typo rather than a policy. */
	public const MAX = 3650;

	/** @return int|null the days (0: keep forever; an empty field or an option never saved is 0), null when the value is not 0 to MAX whole days */
	public static function parse(mixed $value): ?int
	{
		if (!is_scalar($value) && $value !== null) {
			return null;
		}
		$text = trim((string) $value);
		if ($text === '') {
			return 0;
		}
		$days = filter_var($text, FILTER_VALIDATE_INT, ['options' => ['min_range' => 0, 'max_range' => self::MAX]]);
		return $days === false ? null : $days;
	}

	/**
	 * The UTC time (as the tables store it) before which rows are pruned, or null
	 * when nothing is: the stored value is read as the field would read it.
	 */
	public static function cutoff(mixed $stored, int $now): ?string
	{
		$days = self::parse($stored) ?? 0;
		if ($days === 0) {
			return null;
		}
		return gmdate('Y-m-d H:i:s', $now - $days * 86400);
	}
}
