<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

/**
 * Which addresses the plugin may post a lead to in cloud mode (no SSRF; docs/contracts.md,
 * "Cloud mode", "Where leads may go"). The address comes from the visitor's page (the hidden
 * `consultant_server_url`), so it is checked, never trusted: https only, the default port, no
 * user or password, a host name (not an IP literal) on the allow-list, and every A and AAAA record
 * of it a public address. Test mode may add exact origins such as http://127.0.0.1:8123.
 */
final class HostPolicy
{
	public const DEFAULT_HOSTS = ['*.comagic.ru', '*.uiscom.ru'];

	/**
	 * @param list<string> $hosts       allowed host patterns: "app.comagic.ru" or "*.comagic.ru"
	 * @param list<string> $testOrigins exact origins allowed as they are (test mode only)
	 */
	public function __construct(
		private readonly array $hosts,
		private readonly array $testOrigins = [],
	) {
	}

	/**
	 * Patterns from the setting's text (one per line or comma-separated), lower-cased; null
	 * when one of them is not a host name or "*." and a host name.
	 *
	 * @return list<string>|null
	 */
	public static function parsePatterns(string $text): ?array
	{
		$patterns = [];
		foreach (preg_split('/[\s,]+/', strtolower(trim($text)), -1, PREG_SPLIT_NO_EMPTY) ?: [] as $pattern) {
			$host = str_starts_with($pattern, '*.') ? substr($pattern, 2) : $pattern;
			if (!self::isHostName($host) || substr_count($host, '.') < 1) {
				return null;
			}
			$patterns[] = $pattern;
		}
		return array_values(array_unique($patterns));
	}

	/**
	 * Origins for test mode ("http://127.0.0.1:8123"), one per line or comma-separated;
	 * anything else is left out.
	 *
	 * @return list<string>
	 */
	public static function parseOrigins(string $text): array
	{
		$origins = [];
		foreach (preg_split('/[\s,]+/', trim($text), -1, PREG_SPLIT_NO_EMPTY) ?: [] as $origin) {
			if (preg_match('#^https?://[a-z0-9.\[\]:-]+(?::[0-9]{1,5})?$#i', rtrim($origin, '/')) === 1) {
				$origins[] = strtolower(rtrim($origin, '/'));
			}
		}
		return $origins;
	}

	/** Whether a host matches the allow-list ("*.x" matches any name under x, not x itself). */
	public function allowsHost(string $host): bool
	{
		$host = strtolower(rtrim($host, '.'));
		if (!self::isHostName($host)) {
			return false;
		}
		foreach ($this->hosts as $pattern) {
			if (str_starts_with($pattern, '*.')) {
				if (str_ends_with($host, substr($pattern, 1)) && strlen($host) > strlen($pattern) - 1) {
					return true;
				}
			} elseif ($host === $pattern) {
				return true;
			}
		}
		return false;
	}

	/** Whether a URL's origin is one of the test-mode origins. */
	public function isTestOrigin(string $url): bool
	{
		$parts = parse_url($url);
		if (!is_array($parts) || !isset($parts['scheme'], $parts['host']) || isset($parts['user']) || isset($parts['pass'])) {
			return false;
		}
		$origin = strtolower($parts['scheme'] . '://' . $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : ''));
		return in_array($origin, $this->testOrigins, true);
	}

	/**
	 * Why a URL may not be contacted, or null when it may. Without a resolver only the URL
	 * itself is checked (when a lead is queued); the sender checks again with DNS.
	 *
	 * @param (\Closure(string): list<string>)|null $resolve a host's A and AAAA addresses
	 */
	public function refusal(string $url, ?\Closure $resolve = null): ?string
	{
		if ($url === '' || strlen($url) > 2048 || preg_match('/[\x00-\x20\x7f]/', $url) === 1) {
			return 'not a URL';
		}
		if ($this->isTestOrigin($url)) {
			return null;
		}
		$parts = parse_url($url);
		if (!is_array($parts) || !isset($parts['scheme'], $parts['host'])) {
			return 'not an absolute URL';
		}
		if (strtolower($parts['scheme']) !== 'https') {
			return 'not https';
		}
		if (isset($parts['user']) || isset($parts['pass'])) {
			return 'a user name or password in the URL';
		}
		if (isset($parts['port']) && $parts['port'] !== 443) {
			return 'a port other than 443';
		}
		$host = strtolower(trim($parts['host'], '[]'));
		if (filter_var($host, FILTER_VALIDATE_IP) !== false) {
			return self::isPublicAddress($host) ? 'an IP address instead of a host name' : 'a private, loopback or link-local address';
		}
		if (!$this->allowsHost($host)) {
			return 'host not on the allow-list: ' . $host;
		}
		if ($resolve === null) {
			return null;
		}
		$addresses = $resolve($host);
		if ($addresses === []) {
			return 'the host does not resolve: ' . $host;
		}
		foreach ($addresses as $address) {
			if (!self::isPublicAddress($address)) {
				return 'the host resolves to a non-public address: ' . $address;
			}
		}
		return null;
	}

	/**
	 * Whether an IPv4 or IPv6 address is a public unicast one: not private, loopback,
	 * link-local, shared (CGNAT), unspecified, documentation, multicast or reserved; an
	 * IPv4-mapped or NAT64 IPv6 address is judged by its IPv4 part.
	 */
	public static function isPublicAddress(string $address): bool
	{
		$address = trim($address, '[]');
		$binary = @inet_pton($address);
		if ($binary === false) {
			return false;
		}
		if (strlen($binary) === 4) {
			return self::publicV4($binary);
		}
		// ::ffff:a.b.c.d (mapped), 64:ff9b::a.b.c.d (NAT64), ::a.b.c.d (compatible): the IPv4 inside.
		if (str_starts_with($binary, str_repeat("\0", 10) . "\xff\xff")
			|| str_starts_with($binary, "\x00\x64\xff\x9b" . str_repeat("\0", 8))
			|| (str_starts_with($binary, str_repeat("\0", 12)) && substr($binary, 12) !== "\0\0\0\0" && substr($binary, 12) !== "\0\0\0\1")) {
			return self::publicV4(substr($binary, 12));
		}
		foreach ([
			['::', 128], ['::1', 128], ['fe80::', 10], ['fc00::', 7], ['ff00::', 8], ['fec0::', 10],
			['2001:db8::', 32], ['100::', 64], ['2001::', 23], ['2002::', 16], ['64:ff9b:1::', 48],
		] as [$prefix, $bits]) {
			if (self::inPrefix($binary, (string) inet_pton($prefix), $bits)) {
				return false;
			}
		}
		// Global unicast is 2000::/3.
		return (ord($binary[0]) & 0xe0) === 0x20;
	}

	private static function publicV4(string $binary): bool
	{
		foreach ([
			['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
			['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
			['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
		] as [$prefix, $bits]) {
			if (self::inPrefix($binary, (string) inet_pton($prefix), $bits)) {
				return false;
			}
		}
		return true;
	}

	private static function inPrefix(string $address, string $prefix, int $bits): bool
	{
		if (strlen($address) !== strlen($prefix)) {
			return false;
		}
		$bytes = intdiv($bits, 8);
		if (substr($address, 0, $bytes) !== substr($prefix, 0, $bytes)) {
			return false;
		}
		$rest = $bits % 8;
		if ($rest === 0) {
			return true;
		}
		$mask = (0xff << (8 - $rest)) & 0xff;
		return (ord($address[$bytes]) & $mask) === (ord($prefix[$bytes]) & $mask);
	}

	private static function isHostName(string $host): bool
	{
		return strlen($host) <= 253
			&& preg_match('/^(?=.*[a-z])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/', $host) === 1
			&& filter_var($host, FILTER_VALIDATE_IP) === false;
	}
}
