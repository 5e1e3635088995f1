<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Calls\CallConfig;
use LeadTrail\Captcha\Captcha;
use LeadTrail\Identity\Clock;
use LeadTrail\Leads\ClientAddress;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\RateLimitBucket;
use LeadTrail\Options;

/**
 * What callback orders need from the site's options, read with one query.
 */
final class CallbackConfig
{
	public const OPTION_NAMES = [
		Options::SECRET,
		Options::TEST_CLOCK_OFFSET,
		Options::REQUEST_GROUPS,
		Options::CALLBACK_ENABLED,
		Options::CALLBACK_CAPTCHA,
		Options::TRUSTED_PROXIES,
	];

	private function __construct(
		private readonly string $secret,
		private readonly CallConfig $calls,
		public readonly EmployeeGroups $groups,
		/** "Callback scenario set up": off answers status 2. */
		public readonly bool $enabled,
		/** "Captcha on the callback form". */
		public readonly bool $captchaOn,
		/** The site's reverse proxies, see ClientAddress. */
		public readonly string $trustedProxies,
	) {
	}

	/** @param array<string, string> $options option_name => option_value */
	public static function fromOptions(array $options): self
	{
		return new self(
			$options[Options::SECRET] ?? '',
			CallConfig::fromOptions($options),
			EmployeeGroups::fromJson($options[Options::REQUEST_GROUPS] ?? null),
			// On unless switched off: a site that never saved the settings takes callbacks with a captcha.
			self::flag($options[Options::CALLBACK_ENABLED] ?? null),
			self::flag($options[Options::CALLBACK_CAPTCHA] ?? null),
			$options[Options::TRUSTED_PROXIES] ?? '',
		);
	}

	/** An option that is on unless it was saved as 0. */
	public static function flag(mixed $value): bool
	{
		return $value === null || $value === false || (string) $value !== '0';
	}

	public function clock(): Clock
	{
		return $this->calls->clock;
	}

	public function verifies(int $visitorId, string $token): bool
	{
		return $this->calls->verifies($visitorId, $token);
	}

	/** The keyed hash that stands for a client address in the orders table (no address is stored). */
	public function addressBucket(string $address): string
	{
		return RateLimitBucket::key($this->secret, 'ip', ClientAddress::bucket($address));
	}

	public function captcha(): Captcha
	{
		return new Captcha($this->secret);
	}
}
