<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

use DateTimeImmutable;
use DateTimeZone;
use LeadTrail\Traffic\TrafficSource;

/**
 * When a returning visitor's hit starts a new session (SPEC R1).
 */
final class SessionRules
{
	public const DEFAULT_IDLE_MINUTES = 30;
	public const MIN_IDLE_MINUTES = 1;
	public const MAX_IDLE_MINUTES = 1440;

	public function __construct(
		private readonly int $idleMinutes,
		private readonly bool $splitAtMidnight,
		private readonly bool $splitOnSourceChange,
		private readonly DateTimeZone $siteZone,
	) {
	}

	/**
	 * @param int           $lastHitAt        unix seconds of the session's last hit
	 * @param string        $sessionSourceKey the session's TrafficSource::key()
	 * @param TrafficSource $hitSource        where the new hit came from
	 * @param int           $now              unix seconds of the new hit
	 */
	public function startsNewSession(int $lastHitAt, string $sessionSourceKey, TrafficSource $hitSource, int $now): bool
	{
		if ($now - $lastHitAt > $this->idleMinutes * 60) {
			return true;
		}
		if ($this->splitAtMidnight && $this->localDay($now) !== $this->localDay($lastHitAt)) {
			return true;
		}
		// A hit without a source of its own (direct, or a click inside the site) continues.
		return $this->splitOnSourceChange
			&& $hitSource->carriesSource
			&& $sessionSourceKey !== $hitSource->key();
	}

	/** The site-local calendar day (Y-m-d) of a unix time. */
	public function localDay(int $unixSeconds): string
	{
		return (new DateTimeImmutable('@' . $unixSeconds))->setTimezone($this->siteZone)->format('Y-m-d');
	}
}
