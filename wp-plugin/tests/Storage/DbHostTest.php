<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Storage;

use LeadTrail\Storage\DbHost;
use PHPUnit\Framework\TestCase;

final class DbHostTest extends TestCase
{
	/**
	 * The same answers as wpdb::parse_db_host() in WordPress 6.1.
	 *
	 * @dataProvider hosts
	 */
	public function testTakesDbHostApartAsWordPressDoes(string $dbHost, string $host, ?int $port, ?string $socket, bool $ipv6): void
	{
		$parsed = DbHost::parse($dbHost);

		self::assertSame([$host, $port, $socket, $ipv6], [$parsed->host, $parsed->port, $parsed->socket, $parsed->ipv6]);
	}

	/** @return array<string, array{string, string, int|null, string|null, bool}> */
	public static function hosts(): array
	{
		return [
			'host' => ['localhost', 'localhost', null, null, false],
			'host and port' => ['db.example.com:3307', 'db.example.com', 3307, null, false],
			'IPv4 and port' => ['127.0.0.1:3306', '127.0.0.1', 3306, null, false],
			'host and socket' => ['localhost:/var/run/mysqld/mysqld.sock', 'localhost', null, '/var/run/mysqld/mysqld.sock', false],
			'socket only' => [':/tmp/mysql.sock', '', null, '/tmp/mysql.sock', false],
			'host, port and socket' => ['localhost:3306:/tmp/mysql.sock', 'localhost', 3306, '/tmp/mysql.sock', false],
			'IPv6 in brackets with port' => ['[::1]:3306', '::1', 3306, null, true],
			'IPv6 without brackets' => ['::1', '::1', null, null, true],
			'long IPv6' => ['[2001:db8::ff00:42:8329]:33060', '2001:db8::ff00:42:8329', 33060, null, true],
			'IPv6 in brackets without port' => ['[fe80::1]', 'fe80::1', null, null, true],
			'port 0 is no port' => ['localhost:0', 'localhost', null, null, false],
			'a port that is not a number' => ['localhost:abc', 'localhost', null, null, false],
			'empty' => ['', '', null, null, false],
		];
	}

	public function testAnIpv6AddressItCannotReadIsUsedAsWritten(): void
	{
		$parsed = DbHost::parse('[zz::1]:3306');

		self::assertSame(['[zz::1]:3306', null, null, false], [$parsed->host, $parsed->port, $parsed->socket, $parsed->ipv6]);
	}

	public function testMysqlndWantsIpv6InBrackets(): void
	{
		if (!extension_loaded('mysqlnd')) {
			self::markTestSkipped('mysqlnd is not loaded.');
		}
		self::assertSame('[::1]', DbHost::parse('[::1]:3306')->mysqliHost());
		self::assertSame('127.0.0.1', DbHost::parse('127.0.0.1:3306')->mysqliHost());
	}
}
