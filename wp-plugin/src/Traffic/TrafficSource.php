<?php

declare(strict_types=1);

namespace LeadTrail\Traffic;

/**
 * Where a hit came from: the session's source/medium/campaign attribution.
 */
final class TrafficSource
{
	public function __construct(
		public readonly string $source,
		public readonly string $medium,
		public readonly string $campaign,
		public readonly string $term,
		public readonly string $content,
		public readonly Utm $utm,
		/** True for UTM tags, a click id or an external referrer; a direct or internal hit carries none. */
		public readonly bool $carriesSource,
		/** The landing address's click id (gclid…), also when UTM tags named the source. */
		public readonly ?ClickId $clickId = null,
	) {
	}

	/** A 40-character hash that is equal for equal attributions, stored as sessions.source_key. */
	public function key(): string
	{
		return sha1(implode("\n", [$this->source, $this->medium, $this->campaign, $this->term, $this->content]));
	}
}
