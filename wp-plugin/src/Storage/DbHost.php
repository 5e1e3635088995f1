<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * DB_HOST taken apart as WordPress does (wpdb::parse_db_host() and db_connect()):
 * `host`, `host:port`, `host:/path/to.sock`, `:/path/to.sock`, `[::1]:3306`, `::1`.
 *
 * Kept apart from wpdb so the lean endpoint can connect before it loads any of
 * WordPress, with exactly the arguments wpdb would pass to mysqli_real_connect().
 */
final class DbHost
{
	public function __construct(
		public readonly string $host,
		public readonly ?int $port,
		public readonly ?string $socket,
		public readonly bool $ipv6,
	) {
	}

	public static function parse(string $dbHost): self
	{
		$host = $dbHost;
		$socket = null;

		// First the socket, peeled off from the first ":/".
		$socketAt = strpos($host, ':/');
		if ($socketAt !== false) {
			$socket = substr($host, $socketAt + 1);
			$host = substr($host, 0, $socketAt);
		}

		// An IPv6 address has at least two colons.
		$ipv6 = substr_count($host, ':') > 1;
		$pattern = $ipv6
			? '#^(?:\[)?(?P<host>[0-9a-fA-F:]+)(?:\]:(?P<port>[\d]+))?#'
			: '#^(?P<host>[^:/]*)(?::(?P<port>[\d]+))?#';
		if (preg_match($pattern, $host, $matches) !== 1) {
			// wpdb then connects to DB_HOST as it is written.
			return new self($dbHost, null, null, false);
		}

		// As wpdb: empty() values ("" and "0") count as not given; the port goes through absint().
		$name = $matches['host'];
		$port = (string) ($matches['port'] ?? '');
		return new self(
			$name === '0' ? '' : $name,
			$port !== '' && $port !== '0' ? abs((int) $port) : null,
			$socket,
			$ipv6,
		);
	}

	/** The host argument of mysqli_real_connect(): mysqlnd wants an IPv6 address in brackets. */
	public function mysqliHost(): string
	{
		return $this->ipv6 && extension_loaded('mysqlnd') ? "[{$this->host}]" : $this->host;
	}
}
