<?php

declare(strict_types=1);

namespace LeadTrail\Tracker;

use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * What the tracker endpoint needs from the site's options, read with one query.
 */
final class TrackerConfig
{
	public const OPTION_NAMES = [Options::SITE_KEY, Options::TEST_CLOCK_OFFSET];

	private function __construct(
		private readonly string $siteKey,
		public readonly Clock $clock,
	) {
	}

	/** @param array<string, string> $options option_name => option_value */
	public static function fromOptions(array $options): self
	{
		return new self(
			$options[Options::SITE_KEY] ?? '',
			Clock::withTestOffset($options[Options::TEST_CLOCK_OFFSET] ?? null),
		);
	}

	/** A site without a key (not activated yet) accepts none. */
	public function accepts(string $siteKey): bool
	{
		return $this->siteKey !== '' && hash_equals($this->siteKey, $siteKey);
	}
}
