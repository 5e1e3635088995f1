<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Calls\CallConfig;
use LeadTrail\Captcha\Captcha;
use LeadTrail\Identity\Clock;
use LeadTrail\Leads\EmployeeGroups;
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
	];

	private function __construct(
		private readonly string $secret,
		private readonly CallConfig $calls,
		public readonly EmployeeGroups $groups,
		/** "Callback scenario set up": off answers status 2. */
		public readonly bool $enabled,
		/** "Captcha on the callback form". */
		public readonly bool $captchaOn,
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

	public function captcha(): Captcha
	{
		return new Captcha($this->secret);
	}
}
