<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Leads\ClientAddress;

/**
 * Who sent a hit, as far as the HTTP request tells: its User-Agent and the
 * server variables the client address is read from.
 */
final class HitClient
{
	/** @param array<string, mixed> $server $_SERVER, or the part of it that names the client */
	public function __construct(
		public readonly string $userAgent,
		private readonly array $server,
	) {
	}

	/** @param array<string, mixed> $server $_SERVER */
	public static function fromServer(array $server): self
	{
		$agent = $server['HTTP_USER_AGENT'] ?? '';
		return new self(is_string($agent) ? $agent : '', $server);
	}

	public function isRobot(): bool
	{
		return RobotAgent::matches($this->userAgent);
	}

	/**
	 * What the per-address ceilings count this client as (ClientAddress::bucket()), null when
	 * the server names no address.
	 */
	public function addressBucket(string $trustedProxies): ?string
	{
		$address = ClientAddress::fromServer($this->server, $trustedProxies);
		return $address === null ? null : ClientAddress::bucket($address);
	}
}
