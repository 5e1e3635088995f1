<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

/**
 * The signed visitor token: "<visitor_id>.<base64url(HMAC-SHA256("visitor|<visitor_id>", secret))>".
 *
 * It proves that the server handed out this visitor_id, so a page can only
 * continue its own visitor, never claim another one.
 */
final class Token
{
	public function __construct(private readonly string $secret)
	{
	}

	public function issue(int $visitorId): string
	{
		$mac = hash_hmac('sha256', 'visitor|' . $visitorId, $this->secret, true);
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- base64url of a signature, not code
		return $visitorId . '.' . rtrim(strtr(base64_encode($mac), '+/', '-_'), '=');
	}

	public function verify(int $visitorId, string $token): bool
	{
		return hash_equals($this->issue($visitorId), $token);
	}
}
