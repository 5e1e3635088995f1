<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Identity\Token;
use LeadTrail\Ingest\HitClient;
use LeadTrail\Ingest\HitService;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Storage\BatchResult;
use LeadTrail\Tests\Support\HitFixture;
use PHPUnit\Framework\TestCase;

/**
 * What the recorder sends, batch by batch: two round trips per hit, one transaction,
 * ids drawn up front and written as literals, the per-address ceilings decided first and
 * counted last in the write transaction, and a rollback whenever a transaction was begun and the hit is
 * not recorded. (Against MariaDB: test/e2e/identity.test.ts, ingest-refusals.test.ts
 * and hit-ceilings.test.ts.)
 */
final class HitRecorderTest extends TestCase
{
	/** @var list<list<string>> */
	private array $batches = [];
	/** @var array<string, string|null>|null the visitor's current session row, as the database would give it */
	private ?array $latest = null;
	private ?string $failOn = null;
	private int $failCode = 0;
	private int $failures = 1;
	/** Whether the database admits the hit under the ceiling's decision (writes its guarded rows). */
	private bool $admitted = true;
	/** @var array<string, string> */
	private array $options = [];

	public function testANewVisitorCostsTwoBatchesAndOneTransactionWithItsIdsDrawnUpFront(): void
	{
		$answer = $this->service()->handle('POST', HitFixture::body(['url' => "https://shop.example/?utm_source=it's"]));

		self::assertSame(200, $answer->status);
		self::assertSame([5000000011, 5000000012, 5000000013, true], [
			$answer->body['result']['visitor_id'], $answer->body['result']['session_id'],
			$answer->body['result']['hit_id'], $answer->body['result']['new_session'],
		]);
		self::assertCount(2, $this->batches);
		self::assertStringStartsWith('SELECT option_name', $this->batches[0][0]);
		self::assertCount(1, $this->batches[0]);
		self::assertCount(7, $this->batches[1]);
		[$begin, $count, $decide, $visitor, $session, $hit, $commit] = $this->batches[1];
		self::assertSame('START TRANSACTION', $begin);
		self::assertStringStartsWith('INSERT INTO wp_leadtrail_rate_limits', $count);
		self::assertSame('SET @leadtrail_admit = LAST_INSERT_ID() = 0', $decide);
		self::assertStringStartsWith('INSERT INTO wp_leadtrail_visitors', $visitor);
		self::assertStringContainsString('SELECT 5000000011, ', $visitor);
		self::assertStringContainsString(', 5000000012 FROM DUAL WHERE @leadtrail_admit', $visitor);
		self::assertStringContainsString('SELECT 5000000012, 5000000011, ', $session);
		self::assertStringContainsString('SELECT 5000000013, 5000000011, 5000000012, ', $hit);
		self::assertStringEndsWith('WHERE @leadtrail_admit', $hit);
		self::assertSame('COMMIT', $commit);
		// The ids are drawn, not generated: only the ceiling's verdict goes through LAST_INSERT_ID().
		self::assertStringNotContainsString('LAST_INSERT_ID', $visitor . $session . $hit);
		// Every value is quoted by the connection.
		self::assertStringContainsString("'https://shop.example/?utm_source=it\\'s'", $hit);
	}

	public function testANewVisitorIsCountedUnderBothCeilingsOfItsAddressInOneRowAndNoAddressIsStored(): void
	{
		$this->service()->handle('POST', HitFixture::body());

		$count = $this->batches[1][1];
		// One row for the address and window; the verdict on the attempts before this one (the row as it
		// was, which the update's expressions read): this one is admitted unless they reached a limit.
		self::assertMatchesRegularExpression(
			"/^INSERT INTO wp_leadtrail_rate_limits \\(bucket, window_start, hits, visitors\\) VALUES \\('[0-9a-f]{40}', \\d+, 1 \\+ LEAST\\(LAST_INSERT_ID\\(0\\), 0\\), 1\\)"
				. " ON DUPLICATE KEY UPDATE hits = hits \\+ 1 \\+ LEAST\\(LAST_INSERT_ID\\(hits >= 10000 OR visitors >= 1000\\), 0\\), visitors = visitors \\+ 1$/",
			$count
		);
		self::assertStringNotContainsString('203.0.113', implode("\n", $this->batches[1]));
		self::assertSame(1, preg_match_all("/'([0-9a-f]{40})'/", $count));
	}

	public function testAReturningVisitorsHitIsCountedAndDecidedOnItsPageViewsOnly(): void
	{
		$this->latest = ['id' => '7', 'session_id' => '70', 'last_hit_at' => gmdate('Y-m-d H:i:s', time() - 60), 'source_key' => 'x'];

		$this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => (new Token(HitFixture::SECRET))->issue(7)]));

		self::assertMatchesRegularExpression(
			"/VALUES \\('[0-9a-f]{40}', \\d+, 1 \\+ LEAST\\(LAST_INSERT_ID\\(0\\), 0\\), 0\\) ON DUPLICATE KEY UPDATE hits = hits \\+ 1 \\+ LEAST\\(LAST_INSERT_ID\\(hits >= 10000\\), 0\\)$/",
			$this->batches[1][0]
		);
		self::assertSame('SET @leadtrail_admit = LAST_INSERT_ID() = 0', $this->batches[1][1]);
	}

	public function testTheCeilingsAreOptions(): void
	{
		$this->options = [Options::HIT_CEILING => '50', Options::VISITOR_CEILING => '5'];

		$this->service()->handle('POST', HitFixture::body());

		self::assertStringContainsString(' LEAST(LAST_INSERT_ID(hits >= 50 OR visitors >= 5), 0)', $this->batches[1][1]);
	}

	public function testAHitOverACeilingIsRefusedWith429AndItsRowsAreNotWritten(): void
	{
		$this->admitted = false;

		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertSame(429, $answer->status);
		self::assertSame('rate_limited', $answer->body['result']['code']);
		$retryAfter = (int) $answer->headers['Retry-After'];
		self::assertGreaterThanOrEqual(1, $retryAfter);
		self::assertLessThanOrEqual(600, $retryAfter);
		// The count is committed, the writes were conditional on it, and nothing is rolled back.
		self::assertCount(2, $this->batches);
		self::assertSame('COMMIT', end($this->batches[1]));
		self::assertStringStartsWith('INSERT INTO wp_leadtrail_rate_limits', $this->batches[1][1]);
		self::assertStringNotContainsString('@leadtrail_admit', $this->batches[1][1], 'a refused attempt counts too');
	}

	public function testWithoutAClientAddressNothingIsCountedAndTheRowsAreWritten(): void
	{
		$answer = $this->service(new HitClient('Mozilla/5.0', []))->handle('POST', HitFixture::body());

		self::assertSame(200, $answer->status);
		self::assertSame('START TRANSACTION', $this->batches[1][0]);
		self::assertStringEndsWith('WHERE 1', $this->batches[1][1]);
		self::assertSame('COMMIT', end($this->batches[1]));
		self::assertStringNotContainsString('rate_limits', implode("\n", $this->batches[1]));
	}

	public function testAReturningVisitorContinuesItsCurrentSessionUnderTheLockOfTheFirstBatch(): void
	{
		$this->latest = ['id' => '7', 'session_id' => '70', 'last_hit_at' => gmdate('Y-m-d H:i:s', time() - 60), 'source_key' => 'x'];

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => (new Token(HitFixture::SECRET))->issue(7)]));

		self::assertSame(200, $answer->status);
		self::assertSame([7, 70, 5000000011, false], [
			$answer->body['result']['visitor_id'], $answer->body['result']['session_id'],
			$answer->body['result']['hit_id'], $answer->body['result']['new_session'],
		]);
		self::assertCount(2, $this->batches);
		self::assertSame('START TRANSACTION', $this->batches[0][1]);
		self::assertStringContainsString('ON s.id = v.last_session_id', $this->batches[0][2]);
		self::assertStringNotContainsString('ORDER BY', $this->batches[0][2]);
		self::assertStringEndsWith('FOR UPDATE', $this->batches[0][2]);
		[$count, $decide, $update, $hit, $commit] = $this->batches[1];
		self::assertSame('SET @leadtrail_admit = LAST_INSERT_ID() = 0', $decide);
		self::assertStringContainsString("VALUES ('", $count);
		self::assertStringNotContainsString('), (', $count, 'a returning visitor counts as a hit, not as a new visitor');
		self::assertStringStartsWith('UPDATE wp_leadtrail_visitors v JOIN wp_leadtrail_sessions s ON s.id = 70', $update);
		self::assertStringEndsWith('AND @leadtrail_admit', $update);
		self::assertStringContainsString('SELECT 5000000011, 7, 70,', $hit);
		self::assertSame('COMMIT', $commit);
	}

	public function testAReturningVisitorAfterAnIdleHourGetsANewSessionThatBecomesItsCurrentOne(): void
	{
		$this->latest = ['id' => '7', 'session_id' => '70', 'last_hit_at' => gmdate('Y-m-d H:i:s', time() - 3600), 'source_key' => 'x'];

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => (new Token(HitFixture::SECRET))->issue(7)]));

		self::assertSame([7, 5000000012, 5000000011, true], [
			$answer->body['result']['visitor_id'], $answer->body['result']['session_id'],
			$answer->body['result']['hit_id'], $answer->body['result']['new_session'],
		]);
		self::assertStringStartsWith('INSERT INTO wp_leadtrail_rate_limits', $this->batches[1][0]);
		self::assertStringContainsString('SET last_seen_at = ', $this->batches[1][2]);
		self::assertStringContainsString('last_session_id = 5000000012 WHERE id = 7', $this->batches[1][2]);
		self::assertStringStartsWith('INSERT INTO wp_leadtrail_sessions', $this->batches[1][3]);
		self::assertStringContainsString('SELECT 5000000011, 7, 5000000012,', $this->batches[1][4]);
		self::assertSame('COMMIT', $this->batches[1][5]);
	}

	public function testADrawnIdThatExistsRollsBackAndTheHitIsRecordedWithNewIds(): void
	{
		$this->failOn = 'INSERT INTO wp_leadtrail_sessions';
		$this->failCode = StorageUnavailable::DUPLICATE_KEY;

		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertSame(200, $answer->status);
		self::assertSame([5000000014, 5000000015, 5000000016], [
			$answer->body['result']['visitor_id'], $answer->body['result']['session_id'], $answer->body['result']['hit_id'],
		]);
		self::assertSame(['ROLLBACK'], $this->batches[2]);
		self::assertStringContainsString('SELECT 5000000015, 5000000014, ', $this->batches[4][4]);
	}

	public function testAHitChosenToBreakADeadlockIsTriedAgain(): void
	{
		$this->failOn = 'INSERT INTO wp_leadtrail_visitors';
		$this->failCode = StorageUnavailable::DEADLOCK;

		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertSame(200, $answer->status);
		self::assertSame(['ROLLBACK'], $this->batches[2]);
		self::assertCount(5, $this->batches);
	}

	public function testDuplicateIdsThreeTimesRunAreAnswered503(): void
	{
		$this->failOn = 'INSERT INTO wp_leadtrail_hits';
		$this->failCode = StorageUnavailable::DUPLICATE_KEY;
		$this->failures = 3;

		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertSame(503, $answer->status);
		self::assertSame(['ROLLBACK'], end($this->batches));
		self::assertCount(9, $this->batches);
	}

	public function testAForgedTokenRollsBackTheLockAndWritesNothing(): void
	{
		$this->latest = ['id' => '7', 'session_id' => '70', 'last_hit_at' => gmdate('Y-m-d H:i:s'), 'source_key' => 'x'];

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => (new Token(str_repeat('e', 64)))->issue(7)]));

		self::assertSame(403, $answer->status);
		self::assertSame('invalid_token', $answer->body['result']['code']);
		self::assertSame([['ROLLBACK']], array_slice($this->batches, 1));
	}

	public function testAnUnknownVisitorIsRefusedAndRolledBack(): void
	{
		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 9, 'token' => (new Token(HitFixture::SECRET))->issue(9)]));

		self::assertSame(403, $answer->status);
		self::assertSame('unknown_visitor', $answer->body['result']['code']);
		self::assertSame([['ROLLBACK']], array_slice($this->batches, 1));
	}

	public function testAnotherSitesKeyCostsOneBatchAndNoTransaction(): void
	{
		$answer = $this->service()->handle('POST', HitFixture::body(['site_key' => str_repeat('A', 32)]));

		self::assertSame(403, $answer->status);
		self::assertCount(1, $this->batches);
	}

	public function testAFailedWriteIsRolledBackAndAnswered503WithoutATryMore(): void
	{
		$this->failOn = 'INSERT INTO wp_leadtrail_hits';

		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertSame(503, $answer->status);
		self::assertSame(['ROLLBACK'], end($this->batches));
		self::assertCount(3, $this->batches);
	}

	/**
	 * The fake connection's answer to one batch.
	 *
	 * @param list<string> $statements
	 * @return list<BatchResult>
	 */
	private function answer(array $statements): array
	{
		$this->batches[] = $statements;
		$results = [];
		foreach ($statements as $statement) {
			if ($this->failOn !== null && $this->failures > 0 && str_starts_with($statement, $this->failOn)) {
				$this->failures--;
				throw new StorageUnavailable('fails as told', $this->failCode);
			}
			if (str_starts_with($statement, 'SELECT option_name')) {
				$results[] = HitFixture::options($this->options);
			} elseif (str_starts_with($statement, 'SELECT v.id')) {
				$results[] = new BatchResult($this->latest === null ? [] : [$this->latest], 0);
			} elseif (str_starts_with($statement, 'INSERT INTO wp_leadtrail_hits')) {
				$results[] = new BatchResult([], 0, str_ends_with($statement, 'WHERE 1') || $this->admitted ? 1 : 0);
			} else {
				$results[] = new BatchResult([], 0);
			}
		}
		return $results;
	}

	private function service(?HitClient $client = null): HitService
	{
		return HitFixture::service($this->answer(...), $client);
	}
}
