<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Ingest\LeanRoute;
use LeadTrail\Ingest\LeanRoutes;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

/**
 * collect.php's `op` beyond the hit and the visitor calls, and what it decides
 * before the database is asked (the rest runs end to end: test/faults).
 */
final class LeanRouteTest extends TestCase
{
	use AssertsRefusals;

	public function testNamesEachRouteByItsOpAndMethod(): void
	{
		$routes = [];
		foreach (LeanRoute::cases() as $route) {
			$routes[$route->value] = $route->method();
		}
		self::assertSame([
			'captcha' => 'POST',
			'captcha_image' => 'GET',
			'groups' => 'GET',
			'callback_settings' => 'GET',
			'tracker' => 'GET',
			'add_offline_message' => 'POST',
			'chat_status' => 'GET',
			'chat' => 'POST',
		], $routes);
	}

	public function testLeavesTheHitAndTheVisitorCallsToTheirParsers(): void
	{
		self::assertNull(LeanRoute::fromQuery('hit'));
		self::assertNull(LeanRoute::fromQuery('event'));
		self::assertNull(LeanRoute::fromQuery('callback'));
		self::assertSame(LeanRoute::OfflineMessage, LeanRoute::fromQuery('add_offline_message'));
	}

	/** @dataProvider unknownOps */
	public function testRefusesAnUnknownOpNamingEveryOp(mixed $op): void
	{
		self::assertRefused(400, 'invalid_op', 'op', static fn () => LeanRoute::fromQuery($op));
		try {
			LeanRoute::fromQuery($op);
		} catch (\LeadTrail\Ingest\Refusal $refusal) {
			self::assertStringContainsString('hit, event,', $refusal->getMessage());
			self::assertStringContainsString('tracker, add_offline_message, chat_status, chat.', $refusal->getMessage());
		}
	}

	/** @return array<string, array{mixed}> */
	public static function unknownOps(): array
	{
		return [
			'unknown' => ['vc/s'],
			'empty' => [''],
			'upper case' => ['GROUPS'],
			'an array' => [['groups']],
			'null' => [null],
		];
	}

	public function testRefusesAnotherMethodWithTheOneAllowed(): void
	{
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => LeanRoute::Tracker->checkMethod('POST'));
		self::assertRefused(405, 'method_not_allowed', 'method', static fn () => LeanRoute::OfflineMessage->checkMethod('GET'));
		LeanRoute::Tracker->checkMethod('HEAD');
		LeanRoute::Groups->checkMethod('get');
		LeanRoute::Captcha->checkMethod('POST');
		$this->addToAssertionCount(3);
	}

	public function testEachRouteAnswersItsOwn503(): void
	{
		foreach (LeanRoute::cases() as $route) {
			$answer = $route->unavailable();
			self::assertSame([503, '60', 'storage_unavailable'], [$answer->status, $answer->headers['Retry-After'], $answer->body['result']['code']]);
		}
	}

	/** @dataProvider ownUrls */
	public function testPointsTheCaptchaPictureAtThisEndpoint(array $server, string $url): void
	{
		self::assertSame($url, LeanRoutes::ownUrl($server, LeanRoute::CaptchaImage));
	}

	/** @return array<string, array{array<string, string>, string}> */
	public static function ownUrls(): array
	{
		$uri = '/wp-content/plugins/leadtrail/collect.php?op=captcha';
		return [
			'http' => [['HTTP_HOST' => 'shop.example:8080', 'REQUEST_URI' => $uri], 'http://shop.example:8080/wp-content/plugins/leadtrail/collect.php?op=captcha_image'],
			'https' => [['HTTP_HOST' => 'shop.example', 'HTTPS' => 'on', 'REQUEST_URI' => $uri], 'https://shop.example/wp-content/plugins/leadtrail/collect.php?op=captcha_image'],
			'port 443' => [['HTTP_HOST' => 'shop.example', 'SERVER_PORT' => '443', 'REQUEST_URI' => $uri], 'https://shop.example/wp-content/plugins/leadtrail/collect.php?op=captcha_image'],
			'a Host that is no host name: the path only' => [['HTTP_HOST' => 'evil.example/"><x', 'REQUEST_URI' => $uri], '/wp-content/plugins/leadtrail/collect.php?op=captcha_image'],
		];
	}
}
