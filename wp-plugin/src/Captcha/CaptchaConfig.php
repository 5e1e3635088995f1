<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

use LeadTrail\Calls\CallConfig;
use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * What the captcha endpoints need from the site's options, read with one query.
 */
final class CaptchaConfig
{
	public const OPTION_NAMES = [Options::SECRET, Options::TEST_CLOCK_OFFSET, Options::TRUSTED_PROXIES];

	private function __construct(
		private readonly string $secret,
		private readonly CallConfig $calls,
		/** Addresses and CIDR ranges of the site's reverse proxies. */
		public readonly string $trustedProxies,
	) {
	}

	/** @param array<string, string> $options option_name => option_value */
	public static function fromOptions(array $options): self
	{
		return new self(
			$options[Options::SECRET] ?? '',
			CallConfig::fromOptions($options),
			$options[Options::TRUSTED_PROXIES] ?? '',
		);
	}

	public function clock(): Clock
	{
		return $this->calls->clock;
	}

	public function verifies(int $visitorId, string $token): bool
	{
		return $this->calls->verifies($visitorId, $token);
	}

	public function captcha(): Captcha
	{
		return new Captcha($this->secret);
	}

	/** The rate-limit bucket of a client address, keyed with the site's secret (no address is stored). */
	public function bucket(string $address): string
	{
		return substr(hash_hmac('sha256', 'captcha|' . $address, 'leadtrail-rate|' . $this->secret), 0, 40);
	}
}
