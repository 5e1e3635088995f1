<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Phones;

use LeadTrail\Ingest\HitService;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Storage\BatchResult;
use LeadTrail\Tests\Support\HitFixture;
use PHPUnit\Framework\TestCase;

/**
 * The hit on a site with phone numbers: still two batches, the pool number taken in the
 * write batch and read back after its COMMIT, and the answer's `phones`. (Against MariaDB,
 * concurrency and two web nodes: test/e2e/phone-numbers.test.ts.)
 */
final class HitNumbersTest extends TestCase
{
	private const SETTINGS = [
		'site' => ['74951825168'],
		'rules' => [
			['when' => 'utm_source', 'value' => 'google', 'number' => '74990000001'],
			['when' => 'direct', 'value' => '', 'number' => '74990000002'],
		],
		'pools' => [['label' => 'Paid', 'numbers' => ['74990000011', '74990000012'], 'hold' => 15, 'fallback' => '74990000019', 'when' => 'click_id', 'value' => '']],
	];

	/** @var list<list<string>> */
	private array $batches = [];
	/** @var array<string, string|null>|null */
	private ?array $latest = null;
	/** What the read-back of the pool number finds; null: the pool was exhausted. */
	private ?string $held = '74990000012';
	private ?string $settings = null;
	private bool $failExhaustion = false;

	public function testASiteWithoutNumbersAnswersAsBefore(): void
	{
		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertArrayNotHasKey('phones', $answer->body['result']);
		self::assertStringNotContainsString('leadtrail_numbers', implode("\n", $this->batches[1]));
	}

	public function testAStaticRuleGivesItsNumberWithoutAnyStatement(): void
	{
		$this->settings = (string) json_encode(self::SETTINGS);
		$answer = $this->service()->handle('POST', HitFixture::body(['url' => 'https://shop.example/?utm_source=google']));

		self::assertSame(['site' => ['74951825168'], 'number' => '74990000001', 'dynamic' => false, 'kind' => 'static', 'label' => 'utm_source = google'], $answer->body['result']['phones']);
		self::assertCount(2, $this->batches);
		self::assertStringNotContainsString('leadtrail_numbers', implode("\n", $this->batches[1]));
	}

	public function testAPoolNumberIsTakenInTheWriteBatchAndReadBackAfterItsCommit(): void
	{
		$this->settings = (string) json_encode(self::SETTINGS);
		$answer = $this->service()->handle('POST', HitFixture::body(['url' => 'https://shop.example/?gclid=abc']));

		self::assertSame(['site' => ['74951825168'], 'number' => '74990000012', 'dynamic' => true, 'kind' => 'pool', 'label' => 'Pool: Paid'], $answer->body['result']['phones']);
		self::assertCount(2, $this->batches);
		$batch = $this->batches[1];
		$commit = array_search('COMMIT', $batch, true);
		$find = self::find($batch, 'SELECT id, digits, ');
		$take = self::find($batch, 'UPDATE wp_leadtrail_numbers');
		$hold = self::find($batch, 'INSERT INTO wp_leadtrail_number_holds');
		self::assertSame(1, preg_match('/^SELECT id, digits, (\d+) INTO @leadtrail_slot, @leadtrail_digits, @leadtrail_mark FROM wp_leadtrail_numbers /', $batch[$find], $found));
		$mark = $found[1];
		// Last before the COMMIT, after the ceiling's count and the hit's rows: the slot's lock, which
		// every concurrent take waits for, is held as briefly as it can be.
		self::assertLessThan($find - 1, self::find($batch, 'INSERT INTO wp_leadtrail_rate_limits'));
		self::assertSame($find - 1, self::find($batch, 'INSERT INTO wp_leadtrail_hits'));
		self::assertLessThan($take, $find);
		self::assertLessThan($hold, $take);
		self::assertSame($commit - 1, $hold);
		// The slot free the longest, by the index pool_free: the take reads and locks one entry, whatever
		// the pool holds, and then writes that row by its primary key.
		self::assertStringContainsString("FORCE INDEX (pool_free)\n\t\t\t\tWHERE kind = 'pool' AND pool_id = 1 AND held_until < '", $batch[$find]);
		self::assertStringContainsString('ORDER BY held_until, position', $batch[$find]);
		self::assertStringEndsWith('LIMIT 1 FOR UPDATE', $batch[$find]);
		self::assertStringContainsString('@leadtrail_admit', $batch[$find]);
		self::assertStringContainsString("SET held_from = '", $batch[$take]);
		self::assertStringContainsString("session_id = 5000000012, visitor_id = 5000000011, held_until = '", $batch[$take]);
		// Only with what this take's find set: variables an earlier attempt left carry another mark.
		self::assertStringContainsString("WHERE id = @leadtrail_slot AND @leadtrail_mark = {$mark} AND @leadtrail_admit", $batch[$take]);
		// The hold row from the variables the find set: no second look-up of the slot.
		self::assertStringContainsString('SELECT @leadtrail_digits, 5000000011, 5000000012, ', $batch[$hold]);
		self::assertStringContainsString("WHERE @leadtrail_mark = {$mark} AND @leadtrail_admit", $batch[$hold]);
		self::assertSame(["SELECT IF(@leadtrail_mark = {$mark}, @leadtrail_digits, NULL) AS digits"], array_slice($batch, $commit + 1));
		self::assertStringNotContainsString('exhausted', implode("\n", $batch));
	}

	public function testAnExhaustedPoolShowsItsFallback(): void
	{
		$this->settings = (string) json_encode(self::SETTINGS);
		$this->held = null;
		$answer = $this->service()->handle('POST', HitFixture::body(['url' => 'https://shop.example/?yclid=1']));

		self::assertSame(['site' => ['74951825168'], 'number' => '74990000019', 'dynamic' => false, 'kind' => 'fallback', 'label' => 'Pool fallback: Paid'], $answer->body['result']['phones']);
		// The new session that found the pool full is counted after the hit's COMMIT, in a batch of its own.
		self::assertCount(3, $this->batches);
		self::assertSame(["UPDATE wp_leadtrail_numbers SET exhausted = exhausted + 1 WHERE kind = 'fallback' AND pool_id = 1"], $this->batches[2]);
	}

	public function testAFailedExhaustionCountLosesTheCountNotTheHit(): void
	{
		$this->settings = (string) json_encode(self::SETTINGS);
		$this->held = null;
		$this->failExhaustion = true;
		$answer = $this->service()->handle('POST', HitFixture::body(['url' => 'https://shop.example/?yclid=1']));

		self::assertSame(200, $answer->status);
		self::assertSame('74990000019', $answer->body['result']['phones']['number']);
		self::assertCount(3, $this->batches, 'the hit is not tried again');
	}

	public function testAContinuedSessionMovesItsHoldOn(): void
	{
		$this->settings = (string) json_encode(self::SETTINGS);
		$this->latest = self::session(['held_digits' => '74990000012', 'held_pool' => '1']);
		// An inner page: no click id in its own address, still the pool of the session's landing page.
		$answer = $this->service()->handle('POST', self::innerPage());

		self::assertFalse($answer->body['result']['new_session']);
		self::assertSame('74990000012', $answer->body['result']['phones']['number']);
		self::assertStringContainsString('LEFT JOIN wp_leadtrail_numbers n ON n.session_id = s.id', $this->batches[0][2]);
		$batch = implode("\n", $this->batches[1]);
		self::assertStringContainsString("WHERE digits = '74990000012' AND kind = 'pool' AND session_id = 5000000002", $batch);
		self::assertStringNotContainsString('ORDER BY', $batch);
		self::assertStringNotContainsString('exhausted + 1', $batch);
	}

	public function testAContinuedSessionWithoutANumberTakesOneAndCountsNoExhaustion(): void
	{
		$this->settings = (string) json_encode(self::SETTINGS);
		$this->latest = self::session(['held_digits' => null, 'held_pool' => null]);
		$answer = $this->service()->handle('POST', self::innerPage());

		self::assertSame('74990000012', $answer->body['result']['phones']['number']);
		$batch = implode("\n", $this->batches[1]);
		self::assertStringContainsString('session_id = 5000000002, visitor_id = 5000000001', $batch);
		self::assertStringNotContainsString('exhausted + 1', $batch);
	}

	/**
	 * @param array<string, string|null> $held
	 * @return array<string, string|null>
	 */
	private static function session(array $held): array
	{
		return [
			'id' => '5000000001', 'session_id' => '5000000002', 'last_hit_at' => gmdate('Y-m-d H:i:s', time() - 60), 'source_key' => sha1("(direct)\n(none)\n\n\n"),
			'source' => '(direct)', 'medium' => '(none)', 'campaign' => '', 'referrer' => '', 'landing_url' => 'https://shop.example/?gclid=abc',
		] + $held;
	}

	private static function innerPage(): string
	{
		$token = (new \LeadTrail\Identity\Token(HitFixture::SECRET))->issue(5000000001);
		return HitFixture::body(['url' => 'https://shop.example/about/', 'visitor_id' => 5000000001, 'token' => $token]);
	}

	/** @param list<string> $batch */
	private static function find(array $batch, string $start): int
	{
		foreach ($batch as $i => $statement) {
			if (str_starts_with(ltrim($statement), $start)) {
				return $i;
			}
		}
		self::fail("no statement starts with {$start}");
	}

	/**
	 * @param list<string> $statements
	 * @return list<BatchResult>
	 */
	private function answer(array $statements): array
	{
		$this->batches[] = $statements;
		if ($this->failExhaustion && str_contains($statements[0], 'exhausted + 1')) {
			throw new StorageUnavailable('MySQL server has gone away', 2006);
		}
		$results = [];
		foreach ($statements as $statement) {
			if (str_starts_with($statement, 'SELECT option_name')) {
				$results[] = HitFixture::options($this->settings === null ? [] : [Options::PHONE_NUMBERS => $this->settings]);
			} elseif (str_starts_with($statement, 'SELECT v.id')) {
				$results[] = new BatchResult($this->latest === null ? [] : [$this->latest], 0);
			} elseif (str_starts_with($statement, 'INSERT INTO wp_leadtrail_hits')) {
				$results[] = new BatchResult([], 0, 1);
			} elseif (str_starts_with($statement, 'SELECT IF(@leadtrail_mark')) {
				$results[] = new BatchResult([['digits' => $this->held]], 0);
			} elseif (str_starts_with($statement, 'SELECT digits')) {
				$results[] = new BatchResult($this->held === null ? [] : [['digits' => $this->held]], 0);
			} else {
				$results[] = new BatchResult([], 0);
			}
		}
		return $results;
	}

	private function service(): HitService
	{
		return HitFixture::service($this->answer(...));
	}
}
