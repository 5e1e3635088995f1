<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Tracker;

use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Tests\Support\AssertsRefusals;
use LeadTrail\Tests\Support\MemoryCallStore;
use LeadTrail\Tracker\TrackerConfig;
use LeadTrail\Tracker\TrackerService;
use PHPUnit\Framework\TestCase;

final class TrackerServiceTest extends TestCase
{
	use AssertsRefusals;

	private const KEY = 'nS5lVcB4qqpO1WPSopO670cAbXwAH9Ry';

	private MemoryCallStore $store;

	protected function setUp(): void
	{
		$this->store = new MemoryCallStore();
		$this->store->sessions = [3117192853 => 2032047566, 7 => 99];
		$this->store->hits = [9228054013 => [3117192853, 'https://shop.example/landing']];
	}

	public function testAnswersTheIdsAndStoresTheName(): void
	{
		$answer = $this->handle(['sk' => self::KEY, 'ci' => '2032047566.3117192853.1555675484', 'hi' => '9228054013', 'vn' => 'new_user']);

		self::assertSame(200, $answer->status);
		self::assertSame('{"success":true,"result":{"visitor_id":2032047566,"session_id":3117192853}}', $answer->json());
		self::assertSame('new_user', $this->store->names[2032047566]);
	}

	public function testS1AnswersExactlySuccessTrue(): void
	{
		$answer = $this->handle(['k' => self::KEY, 'ci' => '2032047566.3117192853.1', 'vp' => '8 (800) 555-35-35', 's' => '1']);

		self::assertSame('{"success":true}', $answer->json());
		$contact = $this->store->contacts['2032047566|phone|88005553535'];
		self::assertSame(['tracker', ''], [$contact['source'], $contact['page']]);
	}

	public function testKeepsThePageFromUrElseFromTheHit(): void
	{
		$this->handle(['sk' => self::KEY, 'ci' => '2032047566.3117192853.1', 'hi' => '9228054013', 've' => 'a@b.ru', 'ur' => 'https://shop.example/form']);
		$this->handle(['sk' => self::KEY, 'ci' => '2032047566.3117192853.1', 'hi' => '9228054013', 've' => 'c@d.ru']);

		self::assertSame('https://shop.example/form', $this->store->contacts['2032047566|email|a@b.ru']['page']);
		self::assertSame('https://shop.example/landing', $this->store->contacts['2032047566|email|c@d.ru']['page']);
	}

	public function testRefusesAnotherSitesKeyNamingTheParameterUsed(): void
	{
		self::assertRefusal(403, 'unknown_site_key', 'sk', $this->handle(['sk' => str_repeat('A', 32), 'ci' => '2032047566.3117192853.1', 'vn' => 'x']));
		self::assertRefusal(403, 'unknown_site_key', 'k', $this->handle(['k' => str_repeat('A', 32), 'ci' => '2032047566.3117192853.1', 'vn' => 'x']));
		self::assertRefusal(403, 'unknown_site_key', 'sk', $this->handle(['sk' => self::KEY, 'ci' => '2032047566.3117192853.1', 'vn' => 'x'], ''));
		self::assertSame([], $this->store->names);
	}

	public function testAnswersIdsThatDoNotFitAsIdsThatDoAndWritesNothing(): void
	{
		$this->store->sessions[8] = 1;
		$real = $this->handle(['sk' => self::KEY, 'ci' => '1.8.1', 'vn' => 'x', 's' => '1']);
		$this->store->names = [];
		$answers = [
			$this->handle(['sk' => self::KEY, 'ci' => '1.7.1', 'vn' => 'x', 's' => '1']),
			$this->handle(['sk' => self::KEY, 'ci' => '1.2.3', 'vn' => 'x', 's' => '1']),
			$this->handle(['sk' => self::KEY, 'ci' => '1.8.1', 'hi' => '9228054013', 'vn' => 'x', 's' => '1']),
			$this->handle(['sk' => self::KEY, 'ci' => '1.8.1', 'hi' => '5', 'vn' => 'x', 's' => '1']),
		];
		// Without s=1 the answer repeats the ids it was given, whether they exist or not.
		$long = $this->handle(['sk' => self::KEY, 'ci' => '1.2.3', 'vn' => 'x']);

		self::assertSame([200, '{"success":true}', []], [$real->status, $real->json(), $real->headers]);
		self::assertSame([200, '{"success":true,"result":{"visitor_id":1,"session_id":2}}'], [$long->status, $long->json()]);
		foreach ($answers as $answer) {
			self::assertSame([$real->status, $real->json(), $real->headers], [$answer->status, $answer->json(), $answer->headers]);
		}
		self::assertSame([[], []], [$this->store->names, $this->store->contacts]);
	}

	public function testNeverReplacesANameTheVisitorGaveWithItsTokenAndMarksItsContactsAsGivenWithoutIt(): void
	{
		$this->store->addVisitorInfo(2032047566, VisitorInfo::fromValues('Своё имя', null, 'own@example.com', ['name' => 'name', 'phone' => 'phone', 'email' => 'email']), 'js', true, '', 1);

		$this->handle(['sk' => self::KEY, 'ci' => '2032047566.3117192853.1', 'vn' => 'Чужое имя', 've' => 'other@example.com']);
		$this->handle(['sk' => self::KEY, 'ci' => '99.7.1', 'vn' => 'Имя с сервера']);

		self::assertSame([2032047566 => 'Своё имя', 99 => 'Имя с сервера'], $this->store->names);
		self::assertSame(
			['2032047566|email|own@example.com' => true, '2032047566|email|other@example.com' => false],
			array_map(static fn (array $contact): bool => $contact['byToken'], $this->store->contacts)
		);
	}

	public function testA405NamesGet(): void
	{
		$answer = (new TrackerService($this->store, fn () => $this->config()))->handle('POST', []);

		self::assertRefusal(405, 'method_not_allowed', 'method', $answer);
		self::assertSame(['Allow' => 'GET'], $answer->headers);
	}

	public function testADatabaseFailureIsA503AndWritesNothing(): void
	{
		$this->store->failure = new StorageUnavailable('down');

		$answer = $this->handle(['sk' => self::KEY, 'ci' => '2032047566.3117192853.1', 'vn' => 'x', 'vp' => '88005553535']);

		self::assertRefusal(503, 'storage_unavailable', '', $answer);
		self::assertSame([], $this->store->names);
		self::assertSame([], $this->store->contacts);
	}

	/** @param array<string, mixed> $query */
	private function handle(array $query, string $siteKey = self::KEY): \LeadTrail\Ingest\Answer
	{
		return (new TrackerService($this->store, fn () => $this->config($siteKey)))->handle('GET', $query);
	}

	private function config(string $siteKey = self::KEY): TrackerConfig
	{
		return TrackerConfig::fromOptions([Options::SITE_KEY => $siteKey]);
	}
}
