<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * The address a browser's request came from, for the per-address rate limit.
 *
 * X-Forwarded-For is anyone's to write, so it is read only when the connection
 * comes from a proxy the site named under LeadTrail > Settings (the option
 * leadtrail_trusted_proxies): then the client is the right-most address that
 * is not a trusted proxy.
 */
final class ClientAddress
{
	/**
	 * The entries of a trusted-proxies list (commas, spaces or lines between them).
	 *
	 * @return list<string>
	 */
	public static function ranges(string $list): array
	{
		return array_values(array_filter(
			preg_split('/[\s,]+/', $list) ?: [],
			static fn (string $entry): bool => $entry !== ''
		));
	}

	/** Whether $range is an address or a CIDR range (10.0.0.0/8, fd00::/8). */
	public static function isRange(string $range): bool
	{
		[$network, $bits] = array_pad(explode('/', $range, 2), 2, null);
		$packed = @inet_pton((string) $network);
		if ($packed === false) {
			return false;
		}
		return $bits === null || (preg_match('/^[0-9]{1,3}$/', $bits) === 1 && (int) $bits <= strlen($packed) * 8);
	}

	/**
	 * @param array<string, mixed> $server         $_SERVER
	 * @param string               $trustedProxies addresses and CIDR ranges, see ranges()
	 * @return string|null the client's address, null when the server gives none
	 */
	public static function fromServer(array $server, string $trustedProxies = ''): ?string
	{
		$remote = $server['REMOTE_ADDR'] ?? null;
		if (!is_string($remote) || filter_var($remote, FILTER_VALIDATE_IP) === false) {
			return null;
		}
		$proxies = self::ranges($trustedProxies);
		if ($proxies === [] || !self::inAny($remote, $proxies)) {
			return $remote;
		}

		$forwarded = $server['HTTP_X_FORWARDED_FOR'] ?? '';
		$client = $remote;
		foreach (array_reverse(explode(',', is_string($forwarded) ? $forwarded : '')) as $hop) {
			$hop = trim($hop);
			if (filter_var($hop, FILTER_VALIDATE_IP) === false) {
				// A malformed entry: nothing to its left can be trusted.
				break;
			}
			$client = $hop;
			if (!self::inAny($hop, $proxies)) {
				break;
			}
		}
		return $client;
	}

	/**
	 * What one client is counted as: an IPv4 address, or the /64 network of an IPv6
	 * address (one home or phone gets a whole /64). An IPv4-mapped IPv6 address is
	 * its IPv4 address.
	 */
	public static function bucket(string $address): string
	{
		$packed = @inet_pton($address);
		if ($packed === false) {
			return $address;
		}
		if (strlen($packed) === 16 && str_starts_with($packed, str_repeat("\0", 10) . "\xFF\xFF")) {
			return (string) inet_ntop(substr($packed, 12));
		}
		if (strlen($packed) === 4) {
			return (string) inet_ntop($packed);
		}
		return inet_ntop(substr($packed, 0, 8) . str_repeat("\0", 8)) . '/64';
	}

	/**
	 * Whether $address is this server itself: a loopback address or the server's own
	 * (SERVER_ADDR). The site's own code calling its public endpoints comes from there.
	 *
	 * @param array<string, mixed> $server $_SERVER
	 */
	public static function isOwn(string $address, array $server): bool
	{
		if (self::inRange($address, '127.0.0.0/8') || self::inRange($address, '::1') || self::inRange($address, '::ffff:127.0.0.0/104')) {
			return true;
		}
		$own = $server['SERVER_ADDR'] ?? null;
		return is_string($own) && $own !== '' && @inet_pton($own) !== false && @inet_pton($own) === @inet_pton($address);
	}

	/** Whether $address is $range: one address, or a CIDR range such as 10.0.0.0/8 or fd00::/8. */
	public static function inRange(string $address, string $range): bool
	{
		[$network, $bits] = array_pad(explode('/', $range, 2), 2, null);
		$address = @inet_pton($address);
		$network = @inet_pton((string) $network);
		if ($address === false || $network === false || strlen($address) !== strlen($network)) {
			return false;
		}
		$length = strlen($address) * 8;
		if ($bits === null) {
			$bits = $length;
		} elseif (preg_match('/^[0-9]{1,3}$/', $bits) === 1 && (int) $bits <= $length) {
			$bits = (int) $bits;
		} else {
			return false;
		}
		$bytes = intdiv($bits, 8);
		if (substr($address, 0, $bytes) !== substr($network, 0, $bytes)) {
			return false;
		}
		$rest = $bits % 8;
		if ($rest === 0) {
			return true;
		}
		$mask = (0xFF << (8 - $rest)) & 0xFF;
		return (ord($address[$bytes]) & $mask) === (ord($network[$bytes]) & $mask);
	}

	/** @param list<string> $ranges */
	private static function inAny(string $address, array $ranges): bool
	{
		foreach ($ranges as $range) {
			if (self::inRange($address, $range)) {
				return true;
			}
		}
		return false;
	}
}
