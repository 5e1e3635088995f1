<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Cloud;

use LeadTrail\Cloud\HostPolicy;
use PHPUnit\Framework\TestCase;

final class HostPolicyTest extends TestCase
{
	private static function policy(array $origins = []): HostPolicy
	{
		return new HostPolicy(HostPolicy::DEFAULT_HOSTS, $origins);
	}

	/** @return array<string, array{0: string, 1: bool}> */
	public static function addresses(): array
	{
		return [
			'public v4' => ['93.184.216.34', true],
			'10/8' => ['10.1.2.3', false],
			'172.16/12' => ['172.31.255.255', false],
			'172.32 is public' => ['172.32.0.1', true],
			'192.168/16' => ['192.168.0.1', false],
			'loopback v4' => ['127.0.0.1', false],
			'loopback 127.8' => ['127.8.8.8', false],
			'link-local v4 (cloud metadata)' => ['169.254.169.254', false],
			'unspecified v4' => ['0.0.0.0', false],
			'CGNAT' => ['100.64.0.1', false],
			'multicast v4' => ['224.0.0.1', false],
			'broadcast' => ['255.255.255.255', false],
			'documentation v4' => ['192.0.2.10', false],
			'public v6' => ['2a00:1450:4010:c05::64', true],
			'loopback v6' => ['::1', false],
			'unspecified v6' => ['::', false],
			'link-local v6' => ['fe80::1', false],
			'unique local v6' => ['fd00::1', false],
			'multicast v6' => ['ff02::1', false],
			'mapped private v4' => ['::ffff:127.0.0.1', false],
			'mapped public v4' => ['::ffff:93.184.216.34', true],
			'NAT64 of a private v4' => ['64:ff9b::10.0.0.1', false],
			'documentation v6' => ['2001:db8::1', false],
			'not an address' => ['comagic.ru', false],
		];
	}

	/** @dataProvider addresses */
	public function testPublicAndNonPublicAddresses(string $address, bool $public): void
	{
		self::assertSame($public, HostPolicy::isPublicAddress($address));
	}

	public function testWildcardHostsMatchNamesUnderThemOnly(): void
	{
		$policy = self::policy();
		self::assertTrue($policy->allowsHost('server.comagic.ru'));
		self::assertTrue($policy->allowsHost('a.b.uiscom.ru'));
		self::assertTrue($policy->allowsHost('SERVER.COMAGIC.RU.'));
		self::assertFalse($policy->allowsHost('comagic.ru'));
		self::assertFalse($policy->allowsHost('evilcomagic.ru'));
		self::assertFalse($policy->allowsHost('comagic.ru.evil.com'));
		self::assertFalse($policy->allowsHost('127.0.0.1'));
		$exact = new HostPolicy(['app.comagic.ru']);
		self::assertTrue($exact->allowsHost('app.comagic.ru'));
		self::assertFalse($exact->allowsHost('x.app.comagic.ru'));
	}

	public function testOnlyHttpsOnTheDefaultPortToAnAllowedHost(): void
	{
		$policy = self::policy();
		self::assertNull($policy->refusal('https://server.comagic.ru/api/add_offline_message/'));
		self::assertNull($policy->refusal('https://server.comagic.ru:443/api/add_offline_message/'));
		self::assertSame('not https', $policy->refusal('http://server.comagic.ru/api/add_offline_message/'));
		self::assertSame('a port other than 443', $policy->refusal('https://server.comagic.ru:8443/x'));
		self::assertSame('a user name or password in the URL', $policy->refusal('https://u:p@server.comagic.ru/x'));
		self::assertStringStartsWith('host not on the allow-list', (string) $policy->refusal('https://evil.example/api/'));
		self::assertSame('a private, loopback or link-local address', $policy->refusal('https://127.0.0.1/api/'));
		self::assertSame('a private, loopback or link-local address', $policy->refusal('https://[::1]/api/'));
		self::assertSame('a private, loopback or link-local address', $policy->refusal('https://169.254.169.254/latest/'));
		self::assertSame('an IP address instead of a host name', $policy->refusal('https://93.184.216.34/api/'));
		self::assertSame('not a URL', $policy->refusal("https://server.comagic.ru/\napi"));
		self::assertSame('not a URL', $policy->refusal(''));
	}

	public function testEveryResolvedAddressMustBePublic(): void
	{
		$policy = self::policy();
		$url = 'https://server.comagic.ru/api/add_offline_message/';
		self::assertNull($policy->refusal($url, static fn (): array => ['93.184.216.34', '2a00:1450:4010:c05::64']));
		self::assertSame('the host resolves to a non-public address: 10.0.0.5', $policy->refusal($url, static fn (): array => ['93.184.216.34', '10.0.0.5']));
		self::assertSame('the host resolves to a non-public address: fe80::1', $policy->refusal($url, static fn (): array => ['fe80::1']));
		self::assertSame('the host does not resolve: server.comagic.ru', $policy->refusal($url, static fn (): array => []));
	}

	public function testTestOriginsAreExact(): void
	{
		$policy = self::policy(HostPolicy::parseOrigins("http://127.0.0.1:8123/\nnot an origin"));
		self::assertNull($policy->refusal('http://127.0.0.1:8123/api/add_offline_message/'));
		self::assertSame('not https', $policy->refusal('http://127.0.0.1:8124/api/add_offline_message/'));
		self::assertNotNull($policy->refusal('http://localhost:8123/api/'));
	}

	public function testPatternsFromTheSetting(): void
	{
		self::assertSame(['*.comagic.ru', 'app.uiscom.ru'], HostPolicy::parsePatterns("*.COMAGIC.ru\n app.uiscom.ru, *.comagic.ru"));
		self::assertNull(HostPolicy::parsePatterns('127.0.0.1'));
		self::assertNull(HostPolicy::parsePatterns('*.ru.'));
		self::assertNull(HostPolicy::parsePatterns('localhost'));
		self::assertNull(HostPolicy::parsePatterns('https://app.comagic.ru/'));
	}
}
