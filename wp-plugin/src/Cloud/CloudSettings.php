<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * The cloud mode's settings (docs/contracts.md, "Cloud mode"), read from the options.
 */
final class CloudSettings
{
	public const DEFAULT_LOADER = '//app.comagic.ru/static/cs.min.js';
	/** Seconds the vendor has to answer one lead. */
	public const TIMEOUT = 15;

	public const OPTION_NAMES = [
		Options::MODE,
		Options::CLOUD_SITE_KEY,
		Options::CLOUD_LOADER,
		Options::CLOUD_HOSTS,
		Options::TEST_FORWARD_ORIGINS,
		Options::TEST_FORWARD_TIMEOUT,
	];

	private function __construct(
		public readonly bool $cloud,
		public readonly string $siteKey,
		public readonly string $loader,
		public readonly HostPolicy $policy,
		public readonly float $timeout,
	) {
	}

	/** @param array<string, mixed> $options option name => value */
	public static function fromOptions(array $options): self
	{
		$test = Clock::testMode();
		$hosts = HostPolicy::parsePatterns((string) ($options[Options::CLOUD_HOSTS] ?? '')) ?? [];
		$timeout = $options[Options::TEST_FORWARD_TIMEOUT] ?? null;
		return new self(
			($options[Options::MODE] ?? '') === Options::MODE_CLOUD,
			(string) ($options[Options::CLOUD_SITE_KEY] ?? ''),
			(string) ($options[Options::CLOUD_LOADER] ?? self::DEFAULT_LOADER),
			new HostPolicy(
				$hosts === [] ? HostPolicy::DEFAULT_HOSTS : $hosts,
				$test ? HostPolicy::parseOrigins((string) ($options[Options::TEST_FORWARD_ORIGINS] ?? '')) : []
			),
			$test && is_numeric($timeout) && (float) $timeout > 0 ? (float) $timeout : (float) self::TIMEOUT,
		);
	}

	public static function load(): self
	{
		$options = [];
		foreach (self::OPTION_NAMES as $name) {
			$value = get_option($name, null);
			if ($value !== null && $value !== false) {
				$options[$name] = $value;
			}
		}
		return self::fromOptions($options);
	}

	/** Whether a site key sent with a form is the vendor's key of this site. */
	public function acceptsSiteKey(?string $key): bool
	{
		return $this->siteKey !== '' && $key !== null && hash_equals($this->siteKey, $key);
	}

	/**
	 * The loader's URL as the embed code uses it ("//host/path" or "https://host/path"); null
	 * when it is not on the allow-list (or a test origin).
	 */
	public static function loaderRefusal(string $loader, HostPolicy $policy): ?string
	{
		$url = str_starts_with($loader, '//') ? 'https:' . $loader : $loader;
		if (preg_match('#^https?://[^/]+/\S*$#i', $url) !== 1) {
			return 'not a URL';
		}
		return $policy->refusal($url);
	}
}
