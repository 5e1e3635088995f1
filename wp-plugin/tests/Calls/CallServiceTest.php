<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Calls;

use LeadTrail\Calls\CallConfig;
use LeadTrail\Calls\CallService;
use LeadTrail\Calls\Operation;
use LeadTrail\Identity\Token;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Tests\Support\AssertsRefusals;
use LeadTrail\Tests\Support\CallFields;
use LeadTrail\Tests\Support\MemoryCallStore;
use PHPUnit\Framework\TestCase;

final class CallServiceTest extends TestCase
{
	use AssertsRefusals;

	private const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

	private MemoryCallStore $store;
	private int $configReads = 0;

	protected function setUp(): void
	{
		$this->store = new MemoryCallStore();
		// Visitor 17: session 4 with hit 99; visitor 18: session 5 with hit 100.
		$this->store->sessions = [4 => 17, 5 => 18];
		$this->store->hits = [99 => [4, 'https://shop.example/price'], 100 => [5, 'https://shop.example/']];
	}

	public function testRecordsTheSeedsEvent(): void
	{
		$answer = $this->call(Operation::Event, ['category' => 'Offer', 'action' => 'DownloadBook', 'name' => 'CallTrackingBook', 'value' => 'value']);

		self::assertSame(200, $answer->status);
		self::assertSame('{"success":true}', $answer->json());
		self::assertCount(1, $this->store->events);
		[$identity, $event] = $this->store->events[0];
		self::assertSame([17, 4, 99], [$identity->visitorId, $identity->sessionId, $identity->hitId]);
		self::assertSame('CallTrackingBook', $event->name);
	}

	public function testARepeatedRequestIdIsAppliedOnceAndAnsweredTheSame(): void
	{
		$fields = ['category' => 'c', 'action' => 'a', 'request_id' => 'retry-0000000001'];

		$first = $this->call(Operation::Event, $fields);
		$again = $this->call(Operation::Event, $fields);

		self::assertSame($first->json(), $again->json());
		self::assertSame($first->status, $again->status);
		self::assertCount(1, $this->store->events);
	}

	public function testAReplayGetsTheStoredAnswerNotANewOne(): void
	{
		$this->store->seen['17|retry-0000000001'] = '{"success":true,"stored":1}';

		$answer = $this->call(Operation::PropertySet, ['name' => 'n', 'request_id' => 'retry-0000000001']);

		self::assertSame('{"success":true,"stored":1}', $answer->json());
		self::assertSame([], $this->store->properties);
	}

	public function testKeysArePerVisitor(): void
	{
		$this->call(Operation::Event, ['category' => 'c', 'action' => 'a', 'request_id' => 'shared-000000001']);
		$this->call(Operation::Event, [
			'visitor_id' => 18, 'session_id' => 5, 'hit_id' => 100, 'token' => self::token(18),
			'category' => 'c', 'action' => 'a', 'request_id' => 'shared-000000001',
		]);

		self::assertCount(2, $this->store->events);
	}

	public function testAFailedApplicationKeepsNoKeySoARetryApplies(): void
	{
		$this->store->failure = new StorageUnavailable('down');
		$fields = ['category' => 'c', 'action' => 'a', 'request_id' => 'retry-0000000002'];

		$failed = $this->call(Operation::Event, $fields);
		self::assertRefusal(503, 'storage_unavailable', '', $failed);
		self::assertSame(['Retry-After' => '60'], $failed->headers);
		self::assertSame([], $this->store->seen);

		$this->store->failure = null;
		self::assertSame(200, $this->call(Operation::Event, $fields)->status);
		self::assertCount(1, $this->store->events);
	}

	public function testReadsAreAnsweredFreshAndStoreNoKey(): void
	{
		$fields = ['name' => 'Тип посетителя', 'request_id' => 'read-00000000001'];
		self::assertSame('{"success":true,"result":false}', $this->call(Operation::PropertyGet, $fields)->json());

		$this->call(Operation::PropertySet, ['name' => 'Тип посетителя', 'value' => 'Потенциальный', 'request_id' => 'write-0000000001']);

		self::assertSame('{"success":true,"result":"Потенциальный"}', $this->call(Operation::PropertyGet, $fields)->json());
		self::assertSame(['17|write-0000000001'], array_keys($this->store->seen));
	}

	public function testPropertiesRoundTripAsTheSeedShows(): void
	{
		$this->call(Operation::PropertySet, ['name' => 'Тип посетителя', 'value' => 'Потенциальный', 'request_id' => 'set-000000000001']);
		$this->call(Operation::PropertySet, ['name' => 'Действующий клиент', 'request_id' => 'set-000000000002']);

		self::assertSame('{"success":true,"result":"Потенциальный"}', $this->call(Operation::PropertyGet, ['name' => 'Тип посетителя'])->json());
		self::assertSame('{"success":true,"result":true}', $this->call(Operation::PropertyGet, ['name' => 'Действующий клиент'])->json());
		self::assertSame('{"success":true,"result":true}', $this->call(Operation::PropertyHas, ['name' => 'Действующий клиент'])->json());
		self::assertSame('{"success":true,"result":false}', $this->call(Operation::PropertyHas, ['name' => 'тип посетителя'])->json());
		self::assertSame(
			'{"success":true,"result":{"Тип посетителя":"Потенциальный","Действующий клиент":true}}',
			$this->call(Operation::Properties, [])->json()
		);

		$this->call(Operation::PropertyDelete, ['name' => 'Тип посетителя', 'request_id' => 'del-000000000001']);
		self::assertSame('{"success":true,"result":false}', $this->call(Operation::PropertyGet, ['name' => 'Тип посетителя'])->json());
	}

	public function testAnEmptyOrNumericListStaysAJsonObject(): void
	{
		self::assertSame('{"success":true,"result":{}}', $this->call(Operation::Properties, [])->json());

		$this->call(Operation::PropertySet, ['name' => '0', 'value' => 'a', 'request_id' => 'set-000000000003']);
		$this->call(Operation::PropertySet, ['name' => '1', 'request_id' => 'set-000000000004']);
		self::assertSame('{"success":true,"result":{"0":"a","1":true}}', $this->call(Operation::Properties, [])->json());
	}

	public function testAnotherVisitorsPropertiesAreNotSeen(): void
	{
		$this->store->properties[18] = ['secret' => 'x'];

		self::assertSame('{"success":true,"result":false}', $this->call(Operation::PropertyGet, ['name' => 'secret'])->json());
	}

	public function testVisitorInfoOverwritesTheNameAndAddsContactsOnceWithTheHitsPage(): void
	{
		$answer = $this->call(Operation::VisitorInfo, ['name' => 'Иван', 'phone' => '+7 (999) 123-45-67', 'request_id' => 'info-00000000001']);
		$this->call(Operation::VisitorInfo, ['name' => 'Пётр', 'phone' => '79991234567', 'email' => 'a@b.ru', 'request_id' => 'info-00000000002']);

		self::assertSame('{"success":true}', $answer->json());
		self::assertSame('Пётр', $this->store->names[17]);
		self::assertCount(2, $this->store->contacts);
		$phone = $this->store->contacts['17|phone|79991234567'];
		self::assertSame(['+7 (999) 123-45-67', 'js', 'https://shop.example/price'], [$phone['value'], $phone['source'], $phone['page']]);
	}

	public function testRefusesAnotherVisitorsToken(): void
	{
		$answer = $this->call(Operation::Event, ['category' => 'c', 'action' => 'a', 'token' => self::token(18)]);

		self::assertRefusal(403, 'invalid_token', 'token', $answer);
		self::assertSame([], $this->store->events);
	}

	public function testRefusesEveryTokenWithoutASecret(): void
	{
		$answer = $this->call(Operation::PropertyGet, ['name' => 'n'], [Options::SECRET => '']);

		self::assertRefusal(403, 'invalid_token', 'token', $answer);
	}

	public function testRefusesAnotherVisitorsSession(): void
	{
		$answer = $this->call(Operation::Event, ['category' => 'c', 'action' => 'a', 'session_id' => 5, 'hit_id' => 100]);

		self::assertRefusal(403, 'identity_mismatch', 'session_id', $answer);
		self::assertSame([], $this->store->events);
		self::assertSame([], $this->store->seen);
	}

	public function testRefusesAHitOfAnotherSession(): void
	{
		$answer = $this->call(Operation::PropertySet, ['name' => 'n', 'hit_id' => 100]);

		self::assertRefusal(403, 'identity_mismatch', 'hit_id', $answer);
		self::assertSame([], $this->store->properties);
	}

	public function testRefusesAnUnknownSessionAndHit(): void
	{
		self::assertRefusal(403, 'identity_mismatch', 'session_id', $this->call(Operation::Properties, ['session_id' => 404]));
		self::assertRefusal(403, 'identity_mismatch', 'hit_id', $this->call(Operation::Properties, ['hit_id' => 404]));
	}

	public function testReadsNoOptionForAMalformedRequest(): void
	{
		$answer = $this->service()->handle(Operation::Event, 'POST', '{"visitor_id": "x"}');

		self::assertRefusal(400, 'invalid_visitor_id', 'visitor_id', $answer);
		self::assertSame(0, $this->configReads);
		self::assertSame(0, $this->store->queries);
	}

	public function testA405NamesPost(): void
	{
		$answer = $this->service()->handle(Operation::Event, 'GET', '');

		self::assertRefusal(405, 'method_not_allowed', 'method', $answer);
		self::assertSame(['Allow' => 'POST'], $answer->headers);
	}

	public function testAnEventCostsTheIdentityCheckAndOneWrite(): void
	{
		$this->call(Operation::Event, ['category' => 'c', 'action' => 'a']);

		self::assertSame(2, $this->store->queries);
		self::assertSame(1, $this->configReads);
	}

	/**
	 * @param array<string, mixed>  $fields
	 * @param array<string, string> $options
	 */
	private function call(Operation $operation, array $fields, array $options = []): Answer
	{
		$fields += ['token' => self::token(17)];
		return $this->service($options)->handle($operation, 'POST', CallFields::json($fields));
	}

	/** @param array<string, string> $options */
	private function service(array $options = []): CallService
	{
		return new CallService($this->store, function () use ($options): CallConfig {
			$this->configReads++;
			return CallConfig::fromOptions($options + [Options::SECRET => self::SECRET]);
		});
	}

	private static function token(int $visitorId): string
	{
		return (new Token(self::SECRET))->issue($visitorId);
	}
}
