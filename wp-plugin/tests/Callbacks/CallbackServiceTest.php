<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Callbacks;

use LeadTrail\Callbacks\CallbackConfig;
use LeadTrail\Callbacks\CallbackFields;
use LeadTrail\Callbacks\CallbackRequest;
use LeadTrail\Callbacks\CallbackService;
use LeadTrail\Callbacks\NewCallback;
use LeadTrail\Calls\CallConfig;
use LeadTrail\Calls\CallService;
use LeadTrail\Calls\Operation;
use LeadTrail\Captcha\Captcha;
use LeadTrail\Captcha\CaptchaRow;
use LeadTrail\Identity\Token;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Tests\Support\CallFields;
use LeadTrail\Tests\Support\MemoryCallbackStore;
use LeadTrail\Tests\Support\MemoryCallStore;
use PHPUnit\Framework\TestCase;

final class CallbackServiceTest extends TestCase
{
	private const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

	private MemoryCallStore $calls;
	private MemoryCallbackStore $store;
	/** @var array<string, string> */
	private array $options;
	private int $requests = 0;
	/** @var array<string, mixed> */
	private array $server = [];

	protected function setUp(): void
	{
		$this->calls = new MemoryCallStore();
		$this->calls->sessions = [4 => 17];
		$this->calls->hits = [99 => [4, 'https://shop.example/contacts']];
		$this->store = new MemoryCallbackStore();
		$this->options = [
			Options::SECRET => self::SECRET,
			Options::REQUEST_GROUPS => '[{"id":16587,"name":"Sales","email":""}]',
		];
	}

	public function testRecordsAnOrderWithTheRightCaptchaAndAnswersStatusZero(): void
	{
		$key = $this->captcha();
		$callAt = (time() + 3600) * 1000;

		$answer = $this->call(['captcha_key' => $key, 'captcha_value' => $this->answerOf($key), 'phone' => '+7 (910) 123-45-67',
			'delayed_call_time' => $callAt, 'group_id' => '16587']);

		self::assertSame(200, $answer->status);
		self::assertSame('{"success":true,"result":{"status":0,"code":"ok"}}', $answer->json());
		self::assertCount(1, $this->store->callbacks);
		$order = $this->store->callbacks[0];
		self::assertSame([17, 4, 99, 'https://shop.example/contacts', '+7 (910) 123-45-67', '79101234567', intdiv($callAt, 1000), 16587],
			[$order->visitorId, $order->sessionId, $order->hitId, $order->pageUrl, $order->fields->phone, $order->fields->phoneDigits, $order->callAt(), $order->fields->groupId]);
	}

	public function testWithoutADelayTheCallIsDueNow(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';

		$this->call(['phone' => '79101234567']);

		$order = $this->store->callbacks[0];
		self::assertNull($order->fields->callAt);
		self::assertSame($order->createdAt, $order->callAt());
	}

	public function testAWrongAnswerIsStatusOneAndUsesTheKeyUp(): void
	{
		$key = $this->captcha();
		$wrong = str_pad((string) (((int) $this->answerOf($key) + 1) % 10000), 4, '0', STR_PAD_LEFT);

		self::assertSame('{"success":false,"result":{"status":1,"code":"wrong_captcha"}}', $this->call(['captcha_key' => $key, 'captcha_value' => $wrong, 'phone' => '79101234567'])->json());
		self::assertSame(1, $this->status($this->call(['captcha_key' => $key, 'captcha_value' => $this->answerOf($key), 'phone' => '79101234567'])));
		self::assertSame([], $this->store->callbacks);
	}

	public function testARightAnswerWorksOnce(): void
	{
		$key = $this->captcha();

		self::assertSame(0, $this->status($this->call(['captcha_key' => $key, 'captcha_value' => $this->answerOf($key), 'phone' => '79101234567'])));
		self::assertSame(1, $this->status($this->call(['captcha_key' => $key, 'captcha_value' => $this->answerOf($key), 'phone' => '79101234567'])));
		self::assertCount(1, $this->store->callbacks);
	}

	public function testAnUnknownMalformedOrExpiredKeyIsStatusOne(): void
	{
		$expired = $this->captcha(-1);

		self::assertSame(1, $this->status($this->call(['captcha_key' => Captcha::newKey(), 'captcha_value' => '1234', 'phone' => '79101234567'])));
		self::assertSame(1, $this->status($this->call(['captcha_key' => 'not-a-key', 'captcha_value' => '1234', 'phone' => '79101234567'])));
		self::assertSame(1, $this->status($this->call(['captcha_key' => $expired, 'captcha_value' => $this->answerOf($expired), 'phone' => '79101234567'])));
	}

	public function testALeftOutCaptchaIsStatusOneNamingTheMissingField(): void
	{
		$key = $this->captcha();

		$noKey = $this->call(['phone' => '79101234567']);
		$blankValue = $this->call(['phone' => '79101234567', 'captcha_key' => $key, 'captcha_value' => '  ']);

		self::assertSame([200, '{"success":false,"result":{"status":1,"code":"wrong_captcha","field":"captcha_key"}}'], [$noKey->status, $noKey->json()]);
		self::assertSame('{"success":false,"result":{"status":1,"code":"wrong_captcha","field":"captcha_value"}}', $blankValue->json());
		self::assertSame([], $this->store->callbacks);
		// Like a wrong answer, naming the key used it up.
		self::assertSame(1, $this->status($this->call(['captcha_key' => $key, 'captcha_value' => $this->answerOf($key), 'phone' => '79101234567'])));
	}

	public function testALeftOutCaptchaStillComesAfterTheSwitchedOffScenario(): void
	{
		$this->options[Options::CALLBACK_ENABLED] = '0';

		self::assertSame(2, $this->status($this->call(['phone' => '79101234567'])));
	}

	public function testTheSwitchedOffScenarioIsStatusTwoBeforeTheCaptchaAndTheLimit(): void
	{
		$this->options[Options::CALLBACK_ENABLED] = '0';
		$this->fillTheMinute(1_000);
		$key = $this->captcha();

		self::assertSame('{"success":false,"result":{"status":2,"code":"no_scenario"}}', $this->call(['captcha_key' => $key, 'captcha_value' => 'wrong', 'phone' => '79101234567'])->json());
		// The key was not looked at: it still works once the scenario is on.
		unset($this->options[Options::CALLBACK_ENABLED]);
		$this->store->callbacks = [];
		self::assertSame(0, $this->status($this->call(['captcha_key' => $key, 'captcha_value' => $this->answerOf($key), 'phone' => '79101234567'])));
	}

	public function testTheCaptchaIsStatusOneBeforeTheLimit(): void
	{
		$this->fillTheMinute(1_000);

		self::assertSame(1, $this->status($this->call(['captcha_key' => Captcha::newKey(), 'captcha_value' => '0000', 'phone' => '79101234567'])));
	}

	public function testTheEleventhOrderOfTheMinuteIsStatusFour(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		$this->fillTheMinute(1_000);

		self::assertSame('{"success":false,"result":{"status":4,"code":"limit_exceeded"}}', $this->call(['phone' => '79101234567'])->json());
		self::assertCount(10, $this->store->callbacks);
	}

	public function testOrdersAreCountedBelowTheSecond(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		// 59.1 s ago is inside the minute, though a whole-second count may see 60 s.
		$this->fillTheMinute(59_100);

		self::assertSame(4, $this->status($this->call(['phone' => '79101234567'])));
	}

	public function testOrdersStampedJustAfterThisOneCount(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		// Ten concurrent orders stamped after this one took the lock first and were written.
		$this->fillTheMinute(-50);

		self::assertSame(4, $this->status($this->call(['phone' => '79101234567'])));
	}

	public function testOrdersOlderThanAMinuteDoNotCount(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		$this->fillTheMinute(60_050);

		self::assertSame(0, $this->status($this->call(['phone' => '79101234567'])));
	}

	public function testOnlyAcceptedOrdersCount(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		$this->fillTheMinute(1_000, 9);

		self::assertSame(0, $this->status($this->call(['phone' => '79101234567'])));
		self::assertSame(4, $this->status($this->call(['phone' => '79101234567'])));
		self::assertSame(4, $this->status($this->call(['phone' => '79101234567'])));
		self::assertCount(10, $this->store->callbacks);
	}

	public function testOneVisitorGetsOnlyThreeOfTheMinutesTen(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		$statuses = [];
		for ($i = 0; $i < 5; $i++) {
			$statuses[] = $this->status($this->call(['phone' => '79101234567']));
		}

		self::assertSame([0, 0, 0, 4, 4], $statuses);
		self::assertCount(3, $this->store->callbacks);
	}

	public function testOneAddressGetsOnlyFiveOfTheMinutesTen(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		$this->server = ['REMOTE_ADDR' => '203.0.113.5'];
		$this->fillTheMinute(1_000, 5, CallbackConfig::fromOptions($this->options)->addressBucket('203.0.113.5'));

		self::assertSame(4, $this->status($this->call(['phone' => '79101234567'])));
		$this->server = ['REMOTE_ADDR' => '198.51.100.7'];
		self::assertSame(0, $this->status($this->call(['phone' => '79101234567'])));
		// The order keeps a 40-character keyed hash, never the address.
		self::assertMatchesRegularExpression('/^[0-9a-f]{40}$/', (string) $this->store->callbacks[5]->clientBucket);
	}

	public function testAReplayGivesTheFirstAnswerAndWritesNothing(): void
	{
		$key = $this->captcha();
		$fields = ['captcha_key' => $key, 'captcha_value' => $this->answerOf($key), 'phone' => '79101234567', 'request_id' => 'cb-replay-000000001'];

		$first = $this->call($fields);
		$again = $this->call($fields);

		self::assertSame($first->json(), $again->json());
		self::assertSame(0, $this->status($again));
		self::assertCount(1, $this->store->callbacks);
	}

	public function testRefusesBadInputWithStatusThreeAndWritesNothing(): void
	{
		$answer = $this->call(['captcha_key' => Captcha::newKey(), 'captcha_value' => '1', 'phone' => '7910abc4567']);

		self::assertSame(400, $answer->status);
		self::assertSame(['status' => 3, 'code' => 'invalid_phone', 'field' => 'phone'], array_slice($answer->body['result'], 0, 3));
		self::assertFalse($answer->body['success']);
		self::assertNotSame('', $answer->body['result']['message']);
		self::assertSame([[], []], [$this->store->callbacks, $this->store->seen]);
	}

	public function testRefusesADelayedCallTimeOutsideItsBoundsByTheServersClock(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';

		foreach ([(time() - 120) * 1000, (time() + 366 * 86400) * 1000] as $time) {
			$answer = $this->call(['phone' => '79101234567', 'delayed_call_time' => $time]);
			self::assertSame([400, 3, 'invalid_delayed_call_time'], [$answer->status, $answer->body['result']['status'], $answer->body['result']['code']]);
		}
		self::assertSame([], $this->store->callbacks);
	}

	public function testRefusesAGroupThatIsNotDefined(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';

		$answer = $this->call(['phone' => '79101234567', 'group_id' => 12345]);

		self::assertSame([400, 3, 'unknown_group', 'group_id'], [$answer->status, $answer->body['result']['status'], $answer->body['result']['code'], $answer->body['result']['field']]);
	}

	public function testRefusesAForeignTokenAndIdsThatDoNotFit(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';

		$token = $this->call(['phone' => '79101234567', 'token' => (new Token(self::SECRET))->issue(18)]);
		$session = $this->call(['phone' => '79101234567', 'session_id' => 5]);

		self::assertSame([403, 3, 'invalid_token'], [$token->status, $token->body['result']['status'], $token->body['result']['code']]);
		self::assertSame([403, 'identity_mismatch', 'session_id'], [$session->status, $session->body['result']['code'], $session->body['result']['field']]);
	}

	public function testRefusesABadIdentityWithStatusThree(): void
	{
		$answer = $this->service()->apply(CallbackRequest::fromBody(JsonBody::fromFields(CallFields::with(['visitor_id' => CallFields::MISSING, 'phone' => '79101234567']))));

		self::assertSame([400, 3, 'missing_visitor_id'], [$answer->status, $answer->body['result']['status'], $answer->body['result']['code']]);
	}

	public function testCallServiceAnswersABodyThatIsNotJsonInA10sShape(): void
	{
		$service = new CallService($this->calls, fn (): CallConfig => CallConfig::fromOptions($this->options), null, fn (): CallbackService => $this->service());

		$answer = $service->handle(Operation::Callback, 'POST', '{nope');
		$method = $service->handle(Operation::Callback, 'GET', '');

		self::assertSame([400, 3, 'invalid_json'], [$answer->status, $answer->body['result']['status'], $answer->body['result']['code']]);
		self::assertSame([405, 3, 'POST'], [$method->status, $method->body['result']['status'], $method->headers['Allow']]);
	}

	public function testCallServiceHandsACallbackToCallbackService(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		$service = new CallService($this->calls, fn (): CallConfig => CallConfig::fromOptions($this->options), null, fn (): CallbackService => $this->service());

		$answer = $service->handle(Operation::Callback, 'POST', CallFields::json(['token' => (new Token(self::SECRET))->issue(17), 'phone' => '79101234567']));

		self::assertSame('{"success":true,"result":{"status":0,"code":"ok"}}', $answer->json());
	}

	public function testAFailingDatabaseIsStatusThreeAndKeepsNothing(): void
	{
		$this->options[Options::CALLBACK_CAPTCHA] = '0';
		$this->store->failure = new StorageUnavailable('gone');

		$answer = $this->call(['phone' => '79101234567', 'request_id' => 'cb-failure-00000001']);

		self::assertSame(503, $answer->status);
		self::assertSame('{"success":false,"result":{"status":3,"code":"platform_error"}}', $answer->json());
		self::assertSame('60', $answer->headers['Retry-After']);
		self::assertSame([], $this->store->seen);

		$this->store->failure = null;
		self::assertSame(0, $this->status($this->call(['phone' => '79101234567', 'request_id' => 'cb-failure-00000001'])));
	}

	public function testTheSwitchesAreOnUnlessSavedAsZero(): void
	{
		self::assertTrue(CallbackConfig::flag(null));
		self::assertTrue(CallbackConfig::flag('1'));
		self::assertTrue(CallbackConfig::flag(false));
		self::assertFalse(CallbackConfig::flag('0'));
		self::assertFalse(CallbackConfig::flag(0));
	}

	/** @param array<string, mixed> $fields */
	private function call(array $fields): Answer
	{
		$this->requests++;
		$fields += ['request_id' => sprintf('cb-%016d', $this->requests), 'token' => (new Token(self::SECRET))->issue(17)];
		return $this->service()->apply(CallbackRequest::fromBody(JsonBody::fromJson(CallFields::json($fields))));
	}

	private function service(): CallbackService
	{
		return new CallbackService($this->calls, $this->store, $this->store, fn (): CallbackConfig => CallbackConfig::fromOptions($this->options), $this->server);
	}

	private function status(Answer $answer): int
	{
		return $answer->body['result']['status'];
	}

	/** A stored key, valid for another $ttl seconds. */
	private function captcha(int $ttl = Captcha::TTL): string
	{
		$captcha = new Captcha(self::SECRET);
		$key = Captcha::newKey();
		$this->store->captchas[Captcha::keyHash($key)] = new CaptchaRow($captcha->answerHash($key, $captcha->answer($key)), time() + $ttl, false);
		return $key;
	}

	private function answerOf(string $key): string
	{
		return (new Captcha(self::SECRET))->answer($key);
	}

	/** $count orders of other visitors, accepted $msAgo milliseconds ago. */
	private function fillTheMinute(int $msAgo, int $count = 10, ?string $clientBucket = null): void
	{
		$fields = new CallbackFields('79101234567', '79101234567', null, null, null, null);
		$at = (int) floor(microtime(true) * 1000) - $msAgo;
		for ($i = 0; $i < $count; $i++) {
			$this->store->callbacks[] = new NewCallback(1000 + $i, 4, 99, '', $fields, intdiv($at, 1000), $at, $clientBucket);
		}
	}
}
