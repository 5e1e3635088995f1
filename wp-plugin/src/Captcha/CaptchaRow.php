<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

/**
 * A stored captcha key: its answer's hash, when it expires, whether a call used it.
 */
final class CaptchaRow
{
	public function __construct(
		public readonly string $answerHash,
		/** Unix seconds (the server's clock, the test clock in test mode). */
		public readonly int $expiresAt,
		public readonly bool $used,
	) {
	}
}
