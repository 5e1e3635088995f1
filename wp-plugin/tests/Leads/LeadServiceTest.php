<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Calls\CallConfig;
use LeadTrail\Calls\CallService;
use LeadTrail\Calls\Operation;
use LeadTrail\Identity\Token;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Integrations\CapturedIdentity;
use LeadTrail\Leads\CapturedLead;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Leads\LeadInput;
use LeadTrail\Leads\LeadConfig;
use LeadTrail\Leads\LeadService;
use LeadTrail\Leads\NewLead;
use LeadTrail\Leads\RateLimited;
use LeadTrail\Options;
use LeadTrail\Tests\Support\AssertsRefusals;
use LeadTrail\Tests\Support\CallFields;
use LeadTrail\Tests\Support\JointCallStore;
use LeadTrail\Tests\Support\MemoryCallStore;
use LeadTrail\Tests\Support\MemoryLeadStore;
use PHPUnit\Framework\TestCase;

final class LeadServiceTest extends TestCase
{
	use AssertsRefusals;

	private const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
	private const KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
	private const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';

	private MemoryCallStore $calls;
	private MemoryLeadStore $leads;
	/** @var array<string, string> */
	private array $options;
	/** @var array<string, mixed> */
	private array $server = ['REMOTE_ADDR' => '203.0.113.5'];

	protected function setUp(): void
	{
		$this->calls = new MemoryCallStore();
		$this->leads = new MemoryLeadStore();
		// Visitor 17: session 4 with hit 99; visitor 18: session 5 with hit 100.
		$this->calls->sessions = [4 => 17, 5 => 18];
		$this->calls->hits = [99 => [4, 'https://shop.example/price'], 100 => [5, 'https://shop.example/']];
		$this->options = [
			Options::SITE_KEY => self::KEY,
			Options::SECRET => self::SECRET,
			Options::REQUEST_GROUPS => '[{"id":1234,"name":"Продажи","email":""}]',
		];
	}

	public function testRecordsTheSeedsCallbackExampleWithA4sAnswer(): void
	{
		$answer = $this->js(['name' => 'My Name Is']);

		self::assertSame(200, $answer->status);
		self::assertSame('{"success":true,"result":null}', $answer->json());
		self::assertCount(1, $this->leads->leads);
		$lead = $this->leads->leads[0];
		self::assertSame([17, 4, 99, 'https://shop.example/price', 'js', 'My Name Is'],
			[$lead->visitorId, $lead->sessionId, $lead->hitId, $lead->pageUrl, $lead->source, $lead->fields->name]);
	}

	public function testRecordsTheSeedsRequestsAndSale(): void
	{
		$this->js(['name' => 'Дмитрий', 'email' => 'dmitry@comagic.ru', 'phone' => '79123456789', 'message' => 'Текст заявки...', 'group_id' => 1234, 'request_id' => 'lead-00000000001']);
		$this->js(['name' => 'Дмитрий', 'email' => 'dmitry@comagic.ru', 'phone' => '79123456789', 'message' => 'Онлайн заказ...', 'is_sale' => true, 'sale_cost' => '9999', 'request_id' => 'lead-00000000002']);
		$this->js(['name' => 'Дмитрий', 'email' => 'dmitry@comagic.ru', 'phone' => '79123456789', 'form_name' => 'Название заявки', 'message' => 'Текст заявки...', 'request_id' => 'lead-00000000003']);

		self::assertCount(3, $this->leads->leads);
		[$plain, $sale, $named] = $this->leads->leads;
		self::assertSame(1234, $plain->fields->groupId);
		self::assertSame([true, '9999.00'], [$sale->fields->isSale, $sale->fields->saleCost]);
		self::assertSame('Название заявки', $named->fields->formName);
	}

	public function testRefusesAGroupThatIsNotDefined(): void
	{
		self::assertRefusal(400, 'unknown_group', 'group_id', $this->js(['name' => 'n', 'group_id' => 12345]));
		self::assertRefusal(400, 'unknown_group', 'group_id', $this->server(['group_id' => '12345']));
		self::assertSame([], $this->leads->leads);
	}

	public function testARepeatedRequestIdIsRecordedOnceAndAnsweredTheSame(): void
	{
		$fields = ['name' => 'n', 'request_id' => 'lead-00000000001'];

		$first = $this->js($fields);
		$again = $this->js($fields);

		self::assertSame($first->json(), $again->json());
		self::assertCount(1, $this->leads->leads);
		self::assertSame(['17|lead-00000000001'], array_keys($this->calls->seen));
	}

	public function testTheSameSubmissionThroughBothEntryPointsIsRecordedOnce(): void
	{
		$this->js(['name' => 'Дмитрий', 'phone' => '79123456789', 'message' => "Текст\nзаявки", 'request_id' => 'lead-00000000001']);
		$this->js(['name' => 'Дмитрий', 'phone' => '79123456789', 'message' => "Текст\nзаявки", 'request_id' => 'lead-00000000002']);
		$server = $this->server(['name' => 'дмитрий', 'phone' => '+7 912 345-67-89', 'text' => "Текст\r\nзаявки", 'email' => '']);
		$retried = $this->server(['name' => 'дмитрий', 'phone' => '+7 912 345-67-89', 'text' => "Текст\r\nзаявки", 'email' => '']);

		self::assertSame('{"success":true}', $server->json());
		self::assertSame('{"success":true}', $retried->json());
		self::assertCount(1, $this->leads->leads);
		self::assertSame('js', $this->leads->leads[0]->source);
	}

	public function testTheSameSubmissionAfterTenMinutesIsANewOne(): void
	{
		$this->js(['name' => 'n', 'request_id' => 'lead-00000000001']);
		foreach ($this->leads->claims as $fingerprint => $at) {
			$this->leads->claims[$fingerprint] = $at - 600;
		}
		$this->js(['name' => 'n', 'request_id' => 'lead-00000000002']);

		self::assertCount(2, $this->leads->leads);
	}

	public function testAFilledHoneypotIsAnsweredAsASuccessAndNothingIsWritten(): void
	{
		self::assertSame('{"success":true,"result":null}', $this->js(['name' => 'n', 'leadtrail_hp' => 'http://spam.example'])->json());
		self::assertSame('{"success":true}', $this->server(['leadtrail_hp' => 'x'])->json());

		self::assertSame([[], [], [], []], [$this->leads->leads, $this->leads->counts, $this->leads->claims, $this->calls->seen]);
	}

	public function testAFilledHoneypotIsAnsweredTheSameWhateverTheIds(): void
	{
		$honeypot = ['leadtrail_hp' => 'x'];
		$real = $this->server($honeypot);
		$others = [
			$this->server($honeypot + ['visitor_id' => '404', 'session_id' => '404']),
			$this->server($honeypot + ['session_id' => '5']),
			$this->server($honeypot + ['hit_id' => '404']),
			$this->js(['name' => 'n', 'leadtrail_hp' => 'x', 'session_id' => 404]),
		];

		self::assertSame([200, '{"success":true}', []], [$real->status, $real->json(), $real->headers]);
		foreach (array_slice($others, 0, 3) as $answer) {
			self::assertSame([$real->status, $real->json(), $real->headers], [$answer->status, $answer->json(), $answer->headers]);
		}
		self::assertSame('{"success":true,"result":null}', $others[3]->json());
		self::assertSame([[], [], [], []], [$this->leads->leads, $this->leads->counts, $this->leads->claims, $this->calls->seen]);
	}

	public function testAVisitorIsBoundedAtTwentyLeadsInTenMinutes(): void
	{
		for ($i = 1; $i <= 20; $i++) {
			self::assertSame(200, $this->js(['name' => 'n' . $i, 'request_id' => sprintf('lead-%011d', $i)])->status, "request {$i}");
		}

		$refused = $this->js(['name' => 'n21', 'request_id' => 'lead-00000000021']);

		self::assertRefusal(429, 'rate_limited', '', $refused);
		self::assertGreaterThanOrEqual(1, (int) $refused->headers['Retry-After']);
		self::assertCount(20, $this->leads->leads);
		// Nothing of the refused one is kept: not its key, not its counts.
		self::assertArrayNotHasKey('17|lead-00000000021', $this->calls->seen);
		self::assertSame([20, 20], array_values($this->leads->counts));

		// Another visitor behind the same address still passes; a replay of an accepted key is still answered.
		self::assertSame(200, $this->js(['name' => 'n22', 'request_id' => 'lead-00000000022'] + $this->visitor(1001))->status);
		self::assertSame(200, $this->js(['name' => 'n1', 'request_id' => 'lead-00000000001'])->status);
	}

	public function testPeopleBehindOneAddressAreEachRecordedUpToTheAddressCeiling(): void
	{
		for ($i = 1; $i <= 100; $i++) {
			self::assertSame(200, $this->js(['name' => 'person ' . $i] + $this->visitor(1000 + $i))->status, "person {$i}");
		}

		self::assertRefusal(429, 'rate_limited', '', $this->js(['name' => 'person 101'] + $this->visitor(1101)));
		self::assertCount(100, $this->leads->leads);

		// Another address has its own count.
		$this->server = ['REMOTE_ADDR' => '2001:db8::1'];
		self::assertSame(200, $this->js(['name' => 'elsewhere'] + $this->visitor(1102))->status);
	}

	public function testDuplicatesCountButAreNotRecorded(): void
	{
		for ($i = 1; $i <= 10; $i++) {
			$this->js(['name' => 'same', 'request_id' => sprintf('lead-%011d', $i)]);
		}

		self::assertCount(1, $this->leads->leads);
		self::assertSame([10, 10], array_values($this->leads->counts));
	}

	public function testTheServerEndpointCountsPerVisitorAndPerCaller(): void
	{
		for ($i = 1; $i <= 20; $i++) {
			self::assertSame(200, $this->server(['name' => 'n' . $i])->status, "request {$i}");
		}
		self::assertRefusal(429, 'rate_limited', '', $this->server(['name' => 'n21']));

		// Fresh visitors from the same caller: bounded by the caller's address.
		for ($i = 1; $i <= 80; $i++) {
			self::assertSame(200, $this->server(['name' => 'fresh ' . $i] + $this->serverVisitor(2000 + $i))->status, "fresh {$i}");
		}
		self::assertRefusal(429, 'rate_limited', '', $this->server(['name' => 'fresh 81'] + $this->serverVisitor(2081)));
		self::assertCount(100, $this->leads->leads);
	}

	public function testTheSitesOwnServerIsCountedPerVisitorOnly(): void
	{
		foreach ([['REMOTE_ADDR' => '127.0.0.1'], ['REMOTE_ADDR' => '::1'], ['REMOTE_ADDR' => '192.0.2.10', 'SERVER_ADDR' => '192.0.2.10']] as $server) {
			$this->server = $server;
			self::assertSame(200, $this->server(['name' => 'own ' . $server['REMOTE_ADDR']])->status);
		}

		self::assertSame([3], array_values($this->leads->counts));
	}

	public function testCapturedLeadsAreBoundedPerAddressAndPerProvenVisitor(): void
	{
		$fields = CapturedIdentity::fromFields(['site_key' => self::KEY, 'visitor_id' => '18', 'session_id' => '5', 'hit_id' => '100']);
		self::assertNotNull($fields);
		for ($i = 1; $i <= 20; $i++) {
			self::assertNotNull($this->capture($fields, ['name' => 'form ' . $i])->id);
		}
		try {
			$this->capture($fields, ['name' => 'form 21']);
			self::fail('the 21st lead of one visitor was recorded');
		} catch (RateLimited $limited) {
			self::assertGreaterThanOrEqual(1, $limited->retryAfter);
		}

		for ($i = 1; $i <= 80; $i++) {
			self::assertNotNull($this->capture(CapturedIdentity::none(null), ['name' => 'anonymous ' . $i])->id);
		}
		$this->expectException(RateLimited::class);
		$this->capture(CapturedIdentity::none(null), ['name' => 'anonymous 81']);
	}

	/**
	 * A visitor of its own session and hit, with its token, for op=request.
	 *
	 * @return array<string, mixed>
	 */
	private function visitor(int $visitorId): array
	{
		$this->calls->sessions[$visitorId] = $visitorId;
		$this->calls->hits[$visitorId] = [$visitorId, 'https://shop.example/'];
		return ['visitor_id' => $visitorId, 'session_id' => $visitorId, 'hit_id' => $visitorId, 'token' => self::token($visitorId), 'request_id' => sprintf('lead-%011d', $visitorId)];
	}

	/**
	 * The same for api/add_offline_message/.
	 *
	 * @return array<string, string>
	 */
	private function serverVisitor(int $visitorId): array
	{
		$this->visitor($visitorId);
		return ['visitor_id' => (string) $visitorId, 'session_id' => (string) $visitorId, 'hit_id' => (string) $visitorId];
	}

	public function testRefusesAForeignToken(): void
	{
		self::assertRefusal(403, 'invalid_token', 'token', $this->js(['name' => 'n', 'token' => self::token(18)]));
		self::assertSame([], $this->leads->leads);
	}

	public function testRefusesIdsThatDoNotBelongTogetherWithTheToken(): void
	{
		self::assertRefusal(403, 'identity_mismatch', 'session_id', $this->js(['name' => 'n', 'session_id' => 5]));
		self::assertRefusal(403, 'identity_mismatch', 'hit_id', $this->js(['name' => 'n', 'hit_id' => 100]));
		self::assertSame([], $this->leads->leads);
	}

	public function testTheServerEndpointKeepsALeadWhoseIdsDoNotFitWithNoVisitorAndAnswersAlike(): void
	{
		$real = $this->server(['name' => 'real']);
		$answers = [
			$this->server(['name' => 'session of another', 'session_id' => '5']),
			$this->server(['name' => 'no such session', 'session_id' => '404']),
			$this->server(['name' => 'hit of another', 'hit_id' => '100', 'uri' => 'https://shop.example/form']),
			$this->server(['name' => 'no such hit', 'hit_id' => '404']),
		];

		foreach ($answers as $answer) {
			self::assertSame([$real->status, $real->json(), $real->headers], [$answer->status, $answer->json(), $answer->headers]);
		}
		self::assertSame(
			[
				['real', 17, 4, 99, 'https://shop.example/price'],
				['session of another', 0, 0, 0, ''],
				['no such session', 0, 0, 0, ''],
				['hit of another', 0, 0, 0, 'https://shop.example/form'],
				['no such hit', 0, 0, 0, ''],
			],
			array_map(static fn (NewLead $lead): array => [$lead->fields->name, $lead->visitorId, $lead->sessionId, $lead->hitId, $lead->pageUrl], $this->leads->leads)
		);
	}

	public function testOnlyALeadThatCameWithTheVisitorsTokenIsMarkedSo(): void
	{
		$this->js(['name' => 'from the page']);
		$this->server(['name' => 'from a server']);
		$this->capture(CapturedIdentity::read([], ['_comagic_id' => '17.4.1', '_leadtrail_token' => self::token(17)], null), ['name' => 'cookie']);
		$this->capture(CapturedIdentity::read(
			['site_key' => self::KEY, 'visitor_id' => '17', 'session_id' => '4'],
			['_comagic_id' => '17.4.1', '_leadtrail_token' => self::token(17)],
			null
		), ['name' => 'fields and its cookie']);
		$this->capture(CapturedIdentity::read(['site_key' => self::KEY, 'visitor_id' => '17', 'session_id' => '4'], [], null), ['name' => 'fields alone']);
		$this->capture(CapturedIdentity::read(
			['site_key' => self::KEY, 'visitor_id' => '17', 'session_id' => '4'],
			['_comagic_id' => '18.5.1', '_leadtrail_token' => self::token(18)],
			null
		), ['name' => "fields and another visitor's cookie"]);
		$this->capture(CapturedIdentity::read(
			['site_key' => self::KEY, 'visitor_id' => '17', 'session_id' => '4'],
			['_comagic_id' => '17.4.1', '_leadtrail_token' => self::token(18)],
			null
		), ['name' => 'fields and a forged cookie']);

		self::assertSame(
			[
				['from the page', 17, true], ['from a server', 17, false], ['cookie', 17, true], ['fields and its cookie', 17, true],
				['fields alone', 17, false], ["fields and another visitor's cookie", 17, false], ['fields and a forged cookie', 17, false],
			],
			array_map(static fn (NewLead $lead): array => [$lead->fields->name, $lead->visitorId, $lead->byToken], $this->leads->leads)
		);
	}

	public function testRefusesAnotherSitesKey(): void
	{
		self::assertRefusal(403, 'unknown_site_key', 'site_key', $this->server(['site_key' => str_repeat('A', 32)]));
		self::assertRefusal(403, 'unknown_site_key', 'key', $this->server(['site_key' => null, 'key' => str_repeat('A', 32)]));
		unset($this->options[Options::SITE_KEY]);
		self::assertRefusal(403, 'unknown_site_key', 'site_key', $this->server([]));
		self::assertSame([], $this->leads->leads);
	}

	public function testRecordsTheSeedsServerRequest(): void
	{
		$answer = $this->server([]);

		self::assertSame(200, $answer->status);
		self::assertSame('{"success":true}', $answer->json());
		$lead = $this->leads->leads[0];
		self::assertSame([17, 4, 99, 'https://shop.example/price', 'server', 'Hello, world!', true, '10000.00'], [
			$lead->visitorId, $lead->sessionId, $lead->hitId, $lead->pageUrl, $lead->source,
			$lead->fields->message, $lead->fields->isSale, $lead->fields->saleCost,
		]);
	}

	public function testTheServersUriIsThePageAndTheHitIsOptional(): void
	{
		$this->server(['hit_id' => null, 'uri' => 'https://shop.example/contacts']);
		$this->server(['hit_id' => null, 'name' => 'other']);

		[$withUri, $without] = $this->leads->leads;
		self::assertSame([0, 'https://shop.example/contacts'], [$withUri->hitId, $withUri->pageUrl]);
		self::assertSame([0, ''], [$without->hitId, $without->pageUrl]);
	}

	public function testFieldRefusalsOfTheServerEndpointUseTheEnvelope(): void
	{
		$answer = $this->server(['is_sale' => null]);

		self::assertRefusal(400, 'invalid_is_sale', 'is_sale', $answer);
		self::assertSame([], $this->leads->leads);
	}

	public function testAFailingDatabaseIsA503AndKeepsNothing(): void
	{
		$this->leads->failure = new StorageUnavailable('down');

		self::assertRefusal(503, 'storage_unavailable', '', $this->js(['name' => 'n', 'request_id' => 'lead-00000000001']));
		self::assertRefusal(503, 'storage_unavailable', '', $this->server([]));
		self::assertSame([[], [], [], []], [$this->leads->leads, $this->leads->counts, $this->leads->claims, $this->calls->seen]);

		$this->leads->failure = null;
		self::assertSame(200, $this->js(['name' => 'n', 'request_id' => 'lead-00000000001'])->status);
		self::assertCount(1, $this->leads->leads);
	}

	public function testQueuesANoticeWhenSomeoneIsToBeNotified(): void
	{
		$this->options[Options::REQUEST_GROUPS] = '[{"id":1,"name":"A","email":"a@example.com"},{"id":2,"name":"B","email":""}]';
		$this->js(['name' => 'admin on', 'request_id' => 'lead-00000000001']);
		$this->options[Options::NOTIFY_ADMIN] = '0';
		$this->js(['name' => 'admin off', 'request_id' => 'lead-00000000002']);
		$this->js(['name' => 'group with e-mail', 'group_id' => 1, 'request_id' => 'lead-00000000003']);
		$this->js(['name' => 'group without', 'group_id' => 2, 'request_id' => 'lead-00000000004']);

		self::assertSame(
			[NewLead::NOTIFY_PENDING, NewLead::NOTIFY_NONE, NewLead::NOTIFY_PENDING, NewLead::NOTIFY_NONE],
			array_map(static fn (NewLead $lead): string => $lead->notifyState, $this->leads->leads)
		);
	}

	public function testWithoutAnAddressThereIsNoPerAddressCount(): void
	{
		$this->server = [];

		self::assertSame(200, $this->js(['name' => 'n'])->status);
		self::assertCount(1, $this->leads->counts, 'the visitor\'s count only');
	}

	/** @param array<string, mixed> $fields the body's fields over a valid identity */
	private function js(array $fields): Answer
	{
		$fields += ['token' => self::token(17)];
		$service = new CallService(
			new JointCallStore($this->calls, $this->leads),
			fn (): CallConfig => CallConfig::fromOptions($this->options),
			fn (): LeadService => $this->service(),
		);
		return $service->handle(Operation::Request, 'POST', CallFields::json($fields));
	}

	public function testALeadWithNoIdentityAtAllIsRecordedWithoutAVisitorOnce(): void
	{
		$this->server += ['HTTP_HOST' => 'shop.example', 'HTTP_REFERER' => 'https://shop.example/contacts?x=1'];
		$body = CallFields::json(['name' => 'Анна', 'message' => 'перезвоните', 'request_id' => 'lead-nobody-0001']);
		$service = new CallService(
			new JointCallStore($this->calls, $this->leads),
			fn (): CallConfig => CallConfig::fromOptions($this->options),
			fn (): LeadService => $this->service(),
		);
		$decoded = json_decode($body, true);
		foreach (['visitor_id', 'session_id', 'hit_id', 'token'] as $name) {
			unset($decoded[$name]);
		}
		$anonymous = (string) json_encode($decoded);

		$first = $service->handle(Operation::Request, 'POST', $anonymous);
		$again = $service->handle(Operation::Request, 'POST', $anonymous);

		self::assertSame('{"success":true,"result":null}', $first->json());
		self::assertSame($first->json(), $again->json());
		self::assertCount(1, $this->leads->leads);
		$lead = $this->leads->leads[0];
		self::assertSame([0, 0, 0, 'https://shop.example/contacts?x=1', 'js', 'Анна'],
			[$lead->visitorId, $lead->sessionId, $lead->hitId, $lead->pageUrl, $lead->source, $lead->fields->name]);
		// Another host's page is not stored as the page.
		$this->server['HTTP_REFERER'] = 'https://evil.example/';
		unset($decoded['name']);
		$decoded['request_id'] = 'lead-nobody-0002';
		$service->handle(Operation::Request, 'POST', (string) json_encode($decoded + ['phone' => '79101234567']));
		self::assertSame('', $this->leads->leads[1]->pageUrl);
	}

	public function testOneIdentityFieldMeansAllAreNeeded(): void
	{
		$body = json_decode(CallFields::json(['name' => 'n']), true);
		unset($body['session_id'], $body['hit_id'], $body['token']);
		$service = new CallService(new JointCallStore($this->calls, $this->leads), fn (): CallConfig => CallConfig::fromOptions($this->options), fn (): LeadService => $this->service());
		self::assertRefusal(400, 'missing_session_id', 'session_id', $service->handle(Operation::Request, 'POST', (string) json_encode($body)));
		self::assertSame([], $this->leads->leads);
	}

	public function testCapturesASubmissionWithNoVisitor(): void
	{
		$this->options[Options::REQUEST_GROUPS] = '[{"id":1,"name":"A","email":"a@example.com"}]';
		$captured = $this->capture(CapturedIdentity::none('https://shop.example/contacts'), ['name' => 'Анна', 'phone' => '+7 912 345-67-89']);

		self::assertNotNull($captured->id);
		self::assertNull($captured->refusedIdentity);
		self::assertCount(1, $this->leads->leads);
		$lead = $this->leads->leads[0];
		self::assertSame([0, 0, 0, 'https://shop.example/contacts', 'cf7', 'Анна', NewLead::NOTIFY_PENDING],
			[$lead->visitorId, $lead->sessionId, $lead->hitId, $lead->pageUrl, $lead->source, $lead->fields->name, $lead->notifyState]);
	}

	public function testADoublePostWithNoVisitorIsOneRequestButTwoPeopleAreTwo(): void
	{
		$first = $this->capture(CapturedIdentity::none(null), ['name' => 'Анна', 'user_fields' => ['Company' => 'Acme']]);
		$double = $this->capture(CapturedIdentity::none(null), ['name' => 'Анна', 'user_fields' => ['Company' => 'Acme']]);
		$other = $this->capture(CapturedIdentity::none(null), ['name' => 'Анна', 'user_fields' => ['Company' => 'Globex']]);

		self::assertNotNull($first->id);
		self::assertNull($double->id);
		self::assertNotNull($other->id);
		self::assertSame(['', ''], array_map(static fn (NewLead $lead): string => $lead->pageUrl, $this->leads->leads));
	}

	public function testAProvenIdentityIsTheVisitors(): void
	{
		$cookie = CapturedIdentity::fromCookies(['_comagic_id' => '17.4.1777012580', '_leadtrail_token' => self::token(17)], 'https://shop.example/contacts');
		$fields = CapturedIdentity::fromFields(['site_key' => self::KEY, 'visitor_id' => '18', 'session_id' => '5', 'hit_id' => '100']);
		self::assertNotNull($cookie);
		self::assertNotNull($fields);

		self::assertNull($this->capture($cookie, ['name' => 'by cookie'])->refusedIdentity);
		self::assertNull($this->capture($fields, ['name' => 'by fields'])->refusedIdentity);
		self::assertSame(
			[[17, 4, 0, 'https://shop.example/contacts'], [18, 5, 100, 'https://shop.example/']],
			array_map(static fn (NewLead $lead): array => [$lead->visitorId, $lead->sessionId, $lead->hitId, $lead->pageUrl], $this->leads->leads)
		);
	}

	public function testAnIdentityThatDoesNotCheckOutIsDroppedAndTheLeadKept(): void
	{
		$cookies = static fn (string $id, string $token): ?CapturedIdentity => CapturedIdentity::fromCookies(['_comagic_id' => $id, '_leadtrail_token' => $token], null);
		$fields = static fn (array $changes): ?CapturedIdentity => CapturedIdentity::fromFields(
			$changes + ['site_key' => self::KEY, 'visitor_id' => '17', 'session_id' => '4', 'hit_id' => '99', 'uri' => 'https://shop.example/form']
		);
		$forged = [
			'invalid_token' => $cookies('17.4.1', self::token(18)),
			'identity_mismatch' => $cookies('18.4.1', self::token(18)),
			'unknown_site_key' => $fields(['site_key' => str_repeat('A', 32)]),
			'identity_mismatch (session)' => $fields(['session_id' => '5']),
			'identity_mismatch (hit)' => $fields(['hit_id' => '100']),
		];

		foreach ($forged as $case => $who) {
			self::assertNotNull($who, $case);
			$captured = $this->capture($who, ['name' => $case]);
			self::assertNotNull($captured->id, $case);
			self::assertSame(strtok($case, ' '), $captured->refusedIdentity?->errorCode, $case);
		}
		self::assertSame(
			[[0, 0, 0, ''], [0, 0, 0, ''], [0, 0, 0, 'https://shop.example/form'], [0, 0, 0, 'https://shop.example/form'], [0, 0, 0, 'https://shop.example/form']],
			array_map(static fn (NewLead $lead): array => [$lead->visitorId, $lead->sessionId, $lead->hitId, $lead->pageUrl], $this->leads->leads)
		);
	}

	/** @param array<string, mixed> $values */
	private function capture(CapturedIdentity $who, array $values): CapturedLead
	{
		return $this->service()->capture($who, LeadFields::read(LeadInput::fromValues($values), 'text'), 'cf7');
	}

	/** @param array<string, mixed> $changes the seed's form fields to change; null removes one */
	private function server(array $changes): Answer
	{
		$form = array_filter(array_merge([
			'site_key' => self::KEY, 'visitor_id' => '17', 'hit_id' => '99', 'session_id' => '4',
			'name' => 'John Smith', 'email' => 'no@email.adr', 'phone' => '+79251234567', 'text' => 'Hello, world!',
			'is_sale' => '1', 'sale_cost' => '10000',
		], $changes), static fn ($value): bool => $value !== null);
		return $this->service()->handleServer('POST', self::FORM, http_build_query($form), $form);
	}

	private function service(): LeadService
	{
		return new LeadService(
			new JointCallStore($this->calls, $this->leads),
			$this->leads,
			fn (): LeadConfig => LeadConfig::fromOptions($this->options),
			$this->server,
		);
	}

	private static function token(int $visitorId): string
	{
		return (new Token(self::SECRET))->issue($visitorId);
	}
}
