<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Calls\CallConfig;
use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * What lead requests need from the site's options, read with one query.
 */
final class LeadConfig
{
	public const OPTION_NAMES = [
		Options::SITE_KEY,
		Options::SECRET,
		Options::TEST_CLOCK_OFFSET,
		Options::REQUEST_GROUPS,
		Options::NOTIFY_ADMIN,
		Options::TEST_REQUEST_LIMIT,
		Options::TRUSTED_PROXIES,
	];

	private function __construct(
		private readonly string $siteKey,
		private readonly string $secret,
		private readonly CallConfig $calls,
		public readonly EmployeeGroups $groups,
		public readonly bool $notifyAdmin,
		public readonly RateLimit $rateLimit,
		/** Comma-separated addresses and CIDR ranges of the site's reverse proxies. */
		public readonly string $trustedProxies,
	) {
	}

	/** @param array<string, string> $options option_name => option_value */
	public static function fromOptions(array $options): self
	{
		$limit = $options[Options::TEST_REQUEST_LIMIT] ?? null;
		$limit = Clock::testMode() && is_string($limit) && preg_match('/^[1-9][0-9]{0,8}$/', trim($limit)) === 1
			? (int) trim($limit)
			: RateLimit::LIMIT;
		return new self(
			$options[Options::SITE_KEY] ?? '',
			$options[Options::SECRET] ?? '',
			CallConfig::fromOptions($options),
			EmployeeGroups::fromJson($options[Options::REQUEST_GROUPS] ?? null),
			// On unless switched off: a site that never saved the setting gets notices.
			($options[Options::NOTIFY_ADMIN] ?? '1') !== '0',
			new RateLimit($limit),
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

	/** A site without a key (not activated yet) accepts none. */
	public function acceptsSiteKey(string $siteKey): bool
	{
		return $this->siteKey !== '' && hash_equals($this->siteKey, $siteKey);
	}

	/**
	 * The rate-limit bucket of a client address or a visitor: keyed with the site's
	 * secret, so the table holds no address that could be read back.
	 */
	public function bucket(string $kind, string $value): string
	{
		return substr(hash_hmac('sha256', $kind . '|' . $value, 'leadtrail-rate|' . $this->secret), 0, 40);
	}

	/** Whether a lead for this group has anyone to notify. */
	public function notifies(?int $groupId): bool
	{
		if ($this->notifyAdmin) {
			return true;
		}
		$group = $groupId === null ? null : $this->groups->find($groupId);
		return $group !== null && $group->email !== '';
	}
}
