<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use Closure;
use LeadTrail\Identity\Token;
use LeadTrail\Ingest\HitClient;
use LeadTrail\Ingest\HitRequest;
use LeadTrail\Ingest\HitService;
use LeadTrail\Ingest\HitStore;
use LeadTrail\Ingest\RecordedHit;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Tests\Support\HitFixture;
use LeadTrail\Traffic\TrafficSource;
use PHPUnit\Framework\TestCase;

final class HitServiceTest extends TestCase
{
	private const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

	/** @var list<array{HitRequest, TrafficSource}> */
	private array $stored = [];
	private ?\Throwable $storeFailure = null;
	public int $configReads = 0;

	public function testRecordsANewVisitorAndAnswersWithTheContractShape(): void
	{
		$answer = $this->service()->handle('POST', HitFixture::body(['url' => 'https://shop.example/?utm_source=mail']));

		self::assertSame(200, $answer->status);
		self::assertTrue($answer->body['success']);
		$result = $answer->body['result'];
		self::assertSame(['visitor_id', 'session_id', 'hit_id', 'token', 'comagic_id', 'new_session'], array_keys($result));
		self::assertSame([7, 70, 700, true], [$result['visitor_id'], $result['session_id'], $result['hit_id'], $result['new_session']]);
		self::assertTrue((new Token(HitFixture::SECRET))->verify(7, $result['token']));
		self::assertSame('7.70.1715335200', $result['comagic_id']);
		self::assertCount(1, $this->stored);
		self::assertSame('mail', $this->stored[0][1]->source);
	}

	public function testRecordsAReturningVisitorWithAValidToken(): void
	{
		$token = (new Token(HitFixture::SECRET))->issue(7);

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => $token]));

		self::assertSame(200, $answer->status);
		self::assertSame(7, $this->stored[0][0]->visitorId);
	}

	public function testRefusesAnotherSitesKey(): void
	{
		$answer = $this->service()->handle('POST', HitFixture::body(['site_key' => str_repeat('A', 32)]));

		self::assertRefusal(403, 'unknown_site_key', 'site_key', $answer->status, $answer->body);
		self::assertSame([], $this->stored);
	}

	public function testRefusesEveryKeyBeforeActivationMadeASecret(): void
	{
		$answer = $this->service([Options::SECRET => ''])->handle('POST', HitFixture::body());

		self::assertRefusal(403, 'unknown_site_key', 'site_key', $answer->status, $answer->body);
	}

	public function testRefusesAForgedToken(): void
	{
		$forged = (new Token(str_repeat('e', 64)))->issue(7);

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => $forged]));

		self::assertRefusal(403, 'invalid_token', 'token', $answer->status, $answer->body);
		self::assertSame([], $this->stored);
	}

	public function testRefusesATokenSignedForAnotherVisitor(): void
	{
		$token = (new Token(HitFixture::SECRET))->issue(8);

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => $token]));

		self::assertRefusal(403, 'invalid_token', 'token', $answer->status, $answer->body);
	}

	public function testPassesOnTheStoresUnknownVisitor(): void
	{
		$this->storeFailure = new Refusal(403, 'unknown_visitor', 'visitor_id', 'visitor_id is not a visitor of this site.');

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 9, 'token' => (new Token(HitFixture::SECRET))->issue(9)]));

		self::assertRefusal(403, 'unknown_visitor', 'visitor_id', $answer->status, $answer->body);
	}

	public function testAnswers503WhenStorageFails(): void
	{
		$this->storeFailure = new StorageUnavailable('gone');

		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertRefusal(503, 'storage_unavailable', '', $answer->status, $answer->body);
		self::assertSame('60', $answer->headers['Retry-After']);
	}

	/** @return array<string, array{string}> */
	public static function robots(): array
	{
		return [
			'Googlebot' => ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
			'Googlebot rendering' => ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0.0.0 Safari/537.36'],
			'bingbot' => ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
			'YandexBot' => ['Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)'],
			'Baiduspider' => ['Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'],
			'HeadlessChrome' => ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36'],
			'PhantomJS' => ['Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1'],
			'Lighthouse' => ['Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse'],
		];
	}

	/** @dataProvider robots */
	public function testRefusesWellKnownCrawlersAndHeadlessBrowsersBeforeAnyQuery(string $userAgent): void
	{
		$answer = $this->service([], $userAgent)->handle('POST', HitFixture::body());

		self::assertRefusal(403, 'robot_user_agent', 'user_agent', $answer->status, $answer->body);
		self::assertSame(0, $this->configReads);
		self::assertSame([], $this->stored);
	}

	/** @return array<string, array{string}> */
	public static function people(): array
	{
		return [
			'Chrome' => [self::BROWSER],
			'Firefox' => ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'],
			'Safari on iPhone' => ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1'],
			'a Cubot phone' => ['Mozilla/5.0 (Linux; Android 12; CUBOT X50 Build/SP1A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'],
			'no User-Agent' => [''],
		];
	}

	/** @dataProvider people */
	public function testCountsBrowsersOfPeople(string $userAgent): void
	{
		$answer = $this->service([], $userAgent)->handle('POST', HitFixture::body());

		self::assertSame(200, $answer->status);
		self::assertCount(1, $this->stored);
	}

	public function testRefusesMalformedRequestsWithoutReadingTheOptions(): void
	{
		$service = $this->service();

		$method = $service->handle('PUT', HitFixture::body());
		$json = $service->handle('POST', '{');

		self::assertRefusal(405, 'method_not_allowed', 'method', $method->status, $method->body);
		self::assertSame('POST', $method->headers['Allow']);
		self::assertRefusal(400, 'invalid_json', 'body', $json->status, $json->body);
		self::assertSame(0, $this->configReads);
		self::assertSame([], $this->stored);
	}

	/**
	 * @param array<string, string> $options
	 * @param string                $userAgent the client's User-Agent header
	 */
	private function service(array $options = [], string $userAgent = self::BROWSER): HitService
	{
		$options = array_merge([
			Options::SITE_KEY => HitFixture::KEY,
			Options::SECRET => HitFixture::SECRET,
			'home' => 'https://shop.example',
		], $options);

		// Reads the options as the real store does, before it writes anything.
		$store = new class ($this, $options) implements HitStore {
			/** @param array<string, string> $options */
			public function __construct(private readonly HitServiceTest $test, private readonly array $options)
			{
			}

			public function record(HitRequest $hit, HitClient $client, Closure $admit): RecordedHit
			{
				$this->test->configReads++;
				$config = $admit($this->options);
				return $this->test->store($hit, $config->sources->detect($hit->url, $hit->referrer));
			}
		};

		return new HitService($store, HitClient::fromServer(['REMOTE_ADDR' => '203.0.113.5', 'HTTP_USER_AGENT' => $userAgent]));
	}

	/** The fake store: remembers the hit, or fails as told. */
	public function store(HitRequest $hit, TrafficSource $source): RecordedHit
	{
		if ($this->storeFailure !== null) {
			throw $this->storeFailure;
		}
		$this->stored[] = [$hit, $source];
		return new RecordedHit($hit->visitorId ?? 7, 70, 700, $hit->visitorId === null, 1715335200);
	}

	/** @param array<string, mixed> $body */
	private static function assertRefusal(int $status, string $code, string $field, int $actualStatus, array $body): void
	{
		self::assertSame($status, $actualStatus);
		self::assertFalse($body['success']);
		self::assertSame($code, $body['result']['code']);
		self::assertSame($field, $body['result']['field']);
		self::assertIsString($body['result']['message']);
	}
}
