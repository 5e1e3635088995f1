<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

use LeadTrail\Traffic\TrafficSource;

/**
 * What a session's number rules look at: its attribution and how it arrived,
 * which stay the same for the whole session (so does its number).
 */
final class SessionOrigin
{
	public function __construct(
		public readonly string $source,
		public readonly string $medium,
		public readonly string $campaign,
		public readonly string $referrer,
		public readonly string $landingUrl,
	) {
	}

	/** A session that starts with this hit. */
	public static function fromHit(TrafficSource $source, string $referrer, string $url): self
	{
		return new self($source->source, $source->medium, $source->campaign, $referrer, $url);
	}

	/** @param array<string, string|null> $session a sessions row's source, medium, campaign, referrer and landing_url */
	public static function fromSession(array $session): self
	{
		return new self(
			(string) ($session['source'] ?? ''),
			(string) ($session['medium'] ?? ''),
			(string) ($session['campaign'] ?? ''),
			(string) ($session['referrer'] ?? ''),
			(string) ($session['landing_url'] ?? ''),
		);
	}
}
