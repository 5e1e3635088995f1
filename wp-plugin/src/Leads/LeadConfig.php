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
		private readonly RateLimit $visitorLimit,
		private readonly RateLimit $addressLimit,
		/** Comma-separated addresses and CIDR ranges of the site's reverse proxies. */
		public readonly string $trustedProxies,
	) {
	}

	/** @param array<string, string> $options option_name => option_value */
	public static function fromOptions(array $options): self
	{
		// A test site may lower (or raise) both ceilings at once.
		$limit = $options[Options::TEST_REQUEST_LIMIT] ?? null;
		$limit = Clock::testMode() && is_string($limit) && preg_match('/^[1-9][0-9]{0,8}$/', trim($limit)) === 1
			? (int) trim($limit)
			: null;
		return new self(
			$options[Options::SITE_KEY] ?? '',
			$options[Options::SECRET] ?? '',
			CallConfig::fromOptions($options),
			EmployeeGroups::fromJson($options[Options::REQUEST_GROUPS] ?? null),
			// On unless switched off: a site that never saved the setting gets notices.
			($options[Options::NOTIFY_ADMIN] ?? '1') !== '0',
			new RateLimit($limit ?? RateLimitBucket::VISITOR_LIMIT),
			new RateLimit($limit ?? RateLimitBucket::ADDRESS_LIMIT),
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

	/** The count of one visitor's leads. */
	public function visitorBucket(int $visitorId): RateLimitBucket
	{
		return new RateLimitBucket(RateLimitBucket::key($this->secret, 'visitor', (string) $visitorId), $this->visitorLimit);
	}

	/** The count of one client's leads: an IPv4 address or an IPv6 /64 (ClientAddress::bucket()). */
	public function addressBucket(string $address): RateLimitBucket
	{
		return new RateLimitBucket(RateLimitBucket::key($this->secret, 'ip', ClientAddress::bucket($address)), $this->addressLimit);
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
