<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

/**
 * The server's idea of "now" for identity decisions.
 *
 * End-to-end tests must cross session boundaries (30 idle minutes, midnight)
 * without waiting, so a test site may shift the clock; only a site whose
 * wp-config.php defines LEADTRAIL_TEST_MODE as true honours the shift, never a request.
 */
final class Clock
{
	public function __construct(private readonly int $offsetSeconds = 0)
	{
	}

	/** @param mixed $offsetOption the raw value of the option leadtrail_test_clock_offset */
	public static function withTestOffset(mixed $offsetOption): self
	{
		if (!self::testMode() || !is_numeric($offsetOption)) {
			return new self();
		}
		return new self((int) $offsetOption);
	}

	public static function testMode(): bool
	{
		return defined('LEADTRAIL_TEST_MODE') && constant('LEADTRAIL_TEST_MODE') === true;
	}

	public function now(): int
	{
		return time() + $this->offsetSeconds;
	}

	/** Unix milliseconds, for limits that whole seconds would round (R6). */
	public function milliseconds(): int
	{
		return (int) floor(microtime(true) * 1000) + $this->offsetSeconds * 1000;
	}
}
