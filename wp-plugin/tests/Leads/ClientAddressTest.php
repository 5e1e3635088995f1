<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Leads\ClientAddress;
use PHPUnit\Framework\TestCase;

final class ClientAddressTest extends TestCase
{
	public function testIsTheConnectionsAddressWithoutTrustedProxies(): void
	{
		self::assertSame('203.0.113.5', ClientAddress::fromServer(['REMOTE_ADDR' => '203.0.113.5', 'HTTP_X_FORWARDED_FOR' => '1.2.3.4']));
		self::assertNull(ClientAddress::fromServer([]));
		self::assertNull(ClientAddress::fromServer(['REMOTE_ADDR' => 'not an address']));
	}

	public function testIgnoresTheHeaderFromAnUntrustedConnection(): void
	{
		self::assertSame('203.0.113.5', ClientAddress::fromServer(
			['REMOTE_ADDR' => '203.0.113.5', 'HTTP_X_FORWARDED_FOR' => '1.2.3.4'],
			'10.0.0.0/8'
		));
	}

	public function testTakesTheRightMostUntrustedHopBehindTrustedProxies(): void
	{
		$server = ['REMOTE_ADDR' => '10.0.0.2', 'HTTP_X_FORWARDED_FOR' => '6.6.6.6, 198.51.100.7, 10.0.0.9'];

		// The client may have written 6.6.6.6 itself; 198.51.100.7 is what our proxies saw.
		self::assertSame('198.51.100.7', ClientAddress::fromServer($server, "10.0.0.0/8\n"));
		self::assertSame('198.51.100.7', ClientAddress::fromServer($server, '10.0.0.2, 10.0.0.9'));
	}

	public function testStopsAtAMalformedHop(): void
	{
		$server = ['REMOTE_ADDR' => '10.0.0.2', 'HTTP_X_FORWARDED_FOR' => '6.6.6.6, garbage, 10.0.0.9'];

		self::assertSame('10.0.0.9', ClientAddress::fromServer($server, '10.0.0.0/8'));
	}

	public function testCountsIpv6ByItsSlash64(): void
	{
		self::assertSame('2001:db8:1:2::/64', ClientAddress::bucket('2001:db8:1:2:aaaa:bbbb:cccc:dddd'));
		self::assertSame(ClientAddress::bucket('2001:db8:1:2::1'), ClientAddress::bucket('2001:db8:1:2:ffff::9'));
		self::assertSame('192.0.2.1', ClientAddress::bucket('192.0.2.1'));
		self::assertSame('192.0.2.1', ClientAddress::bucket('::ffff:192.0.2.1'));
	}

	public function testMatchesRanges(): void
	{
		self::assertTrue(ClientAddress::inRange('10.1.2.3', '10.0.0.0/8'));
		self::assertFalse(ClientAddress::inRange('11.1.2.3', '10.0.0.0/8'));
		self::assertTrue(ClientAddress::inRange('192.168.1.130', '192.168.1.128/25'));
		self::assertFalse(ClientAddress::inRange('192.168.1.127', '192.168.1.128/25'));
		self::assertTrue(ClientAddress::inRange('fd00::1', 'fd00::/8'));
		self::assertFalse(ClientAddress::inRange('10.0.0.1', 'fd00::/8'));
		self::assertTrue(ClientAddress::inRange('127.0.0.1', '127.0.0.1'));
		self::assertFalse(ClientAddress::inRange('127.0.0.1', '127.0.0.0/33'));
	}

	public function testTellsRangesFromGarbage(): void
	{
		self::assertSame(['10.0.0.0/8', '::1', '192.0.2.1'], ClientAddress::ranges(" 10.0.0.0/8,::1\n192.0.2.1 "));
		self::assertTrue(ClientAddress::isRange('10.0.0.0/8'));
		self::assertTrue(ClientAddress::isRange('::1'));
		self::assertFalse(ClientAddress::isRange('10.0.0.0/40'));
		self::assertFalse(ClientAddress::isRange('proxy.example'));
	}
}
