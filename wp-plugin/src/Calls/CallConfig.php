<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Identity\Clock;
use LeadTrail\Identity\Token;
use LeadTrail\Options;

/**
 * What the visitor calls need from the site's options, read with one query.
 */
final class CallConfig
{
	public const OPTION_NAMES = [Options::SECRET, Options::TEST_CLOCK_OFFSET];

	private function __construct(
		private readonly ?Token $token,
		public readonly Clock $clock,
	) {
	}

	/** @param array<string, string> $options option_name => option_value */
	public static function fromOptions(array $options): self
	{
		$secret = $options[Options::SECRET] ?? '';
		return new self(
			// Never verify with an empty or short secret: without one no token is valid.
			strlen($secret) >= 32 ? new Token($secret) : null,
			Clock::withTestOffset($options[Options::TEST_CLOCK_OFFSET] ?? null),
		);
	}

	public function verifies(int $visitorId, string $token): bool
	{
		return $this->token !== null && $this->token->verify($visitorId, $token);
	}
}
