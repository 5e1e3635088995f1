<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Ingest;

use LeadTrail\Identity\Token;
use LeadTrail\Ingest\HitRecorder;
use LeadTrail\Ingest\HitRequest;
use LeadTrail\Ingest\HitService;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Storage\BatchResult;
use LeadTrail\Storage\Statements;
use LeadTrail\Tests\Support\HitFixture;
use PHPUnit\Framework\TestCase;

/**
 * What the recorder sends, batch by batch: two round trips per hit, one transaction,
 * and a rollback whenever a transaction was begun and the hit is not recorded.
 * (Against MariaDB: test/e2e/identity.test.ts and ingest-refusals.test.ts.)
 */
final class HitRecorderTest extends TestCase
{
	/** @var list<list<string>> */
	private array $batches = [];
	/** @var array<string, string|null>|null the visitor's latest session row, as the database would give it */
	private ?array $latest = null;
	private ?string $failOn = null;

	public function testANewVisitorCostsTwoBatchesAndOneTransaction(): void
	{
		$answer = $this->service()->handle('POST', HitFixture::body(['url' => "https://shop.example/?utm_source=it's"]));

		self::assertSame(200, $answer->status);
		self::assertSame([11, 12, 13, true], [
			$answer->body['result']['visitor_id'], $answer->body['result']['session_id'],
			$answer->body['result']['hit_id'], $answer->body['result']['new_session'],
		]);
		self::assertCount(2, $this->batches);
		self::assertStringStartsWith('SELECT option_name', $this->batches[0][0]);
		self::assertCount(1, $this->batches[0]);
		self::assertSame('START TRANSACTION', $this->batches[1][0]);
		self::assertStringStartsWith('INSERT INTO wp_leadtrail_visitors', $this->batches[1][1]);
		self::assertStringContainsString('VALUES (LAST_INSERT_ID(),', $this->batches[1][2]);
		self::assertStringContainsString('LAST_INSERT_ID()', $this->batches[1][3]);
		self::assertSame('COMMIT', $this->batches[1][4]);
		// Every value is quoted by the connection.
		self::assertStringContainsString("'https://shop.example/?utm_source=it\\'s'", $this->batches[1][3]);
	}

	public function testAReturningVisitorContinuesItsSessionUnderTheLockOfTheFirstBatch(): void
	{
		$this->latest = ['id' => '7', 'session_id' => '70', 'last_hit_at' => gmdate('Y-m-d H:i:s', time() - 60), 'source_key' => 'x'];

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => (new Token(HitFixture::SECRET))->issue(7)]));

		self::assertSame(200, $answer->status);
		self::assertSame([7, 70, 13, false], [
			$answer->body['result']['visitor_id'], $answer->body['result']['session_id'],
			$answer->body['result']['hit_id'], $answer->body['result']['new_session'],
		]);
		self::assertCount(2, $this->batches);
		self::assertSame('START TRANSACTION', $this->batches[0][1]);
		self::assertStringEndsWith('FOR UPDATE', $this->batches[0][2]);
		self::assertStringStartsWith('UPDATE wp_leadtrail_visitors v JOIN wp_leadtrail_sessions s ON s.id = 70', $this->batches[1][0]);
		self::assertStringContainsString('VALUES (7, 70,', $this->batches[1][1]);
		self::assertSame('COMMIT', $this->batches[1][2]);
	}

	public function testAReturningVisitorAfterAnIdleHourGetsANewSession(): void
	{
		$this->latest = ['id' => '7', 'session_id' => '70', 'last_hit_at' => gmdate('Y-m-d H:i:s', time() - 3600), 'source_key' => 'x'];

		$answer = $this->service()->handle('POST', HitFixture::body(['visitor_id' => 7, 'token' => (new Token(HitFixture::SECRET))->issue(7)]));

		self::assertSame([7, 11, 13, true], [
			$answer->body['result']['visitor_id'], $answer->body['result']['session_id'],
			$answer->body['result']['hit_id'], $answer->body['result']['new_session'],
		]);
		self::assertStringStartsWith('INSERT INTO wp_leadtrail_sessions', $this->batches[1][1]);
		self::assertStringContainsString('VALUES (7, LAST_INSERT_ID(),', $this->batches[1][2]);
		self::assertSame('COMMIT', $this->batches[1][3]);
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

	public function testAFailedWriteIsRolledBackAndAnswered503(): void
	{
		$this->failOn = 'INSERT INTO wp_leadtrail_hits';

		$answer = $this->service()->handle('POST', HitFixture::body());

		self::assertSame(503, $answer->status);
		self::assertSame(['ROLLBACK'], end($this->batches));
	}

	/**
	 * The fake connection's answer to one batch.
	 *
	 * @param list<string> $statements
	 * @return list<BatchResult>
	 */
	public function answer(array $statements): array
	{
		$this->batches[] = $statements;
		$results = [];
		$nextId = 11;
		foreach ($statements as $statement) {
			if ($this->failOn !== null && str_starts_with($statement, $this->failOn)) {
				throw new StorageUnavailable('fails as told');
			}
			if (str_starts_with($statement, 'SELECT option_name')) {
				$results[] = new BatchResult([
					['option_name' => Options::SITE_KEY, 'option_value' => HitFixture::KEY],
					['option_name' => Options::SECRET, 'option_value' => HitFixture::SECRET],
					['option_name' => 'home', 'option_value' => 'https://shop.example'],
				], 0);
			} elseif (str_starts_with($statement, 'SELECT v.id')) {
				$results[] = new BatchResult($this->latest === null ? [] : [$this->latest], 0);
			} elseif (str_starts_with($statement, 'INSERT')) {
				$results[] = new BatchResult([], str_contains($statement, 'leadtrail_hits') ? 13 : $nextId++);
			} else {
				$results[] = new BatchResult([], 0);
			}
		}
		return $results;
	}

	private function service(): HitService
	{
		$db = new class ($this) implements Statements {
			public function __construct(private readonly HitRecorderTest $test)
			{
			}

			public function quote(string $value): string
			{
				return "'" . addslashes($value) . "'";
			}

			public function prefix(): string
			{
				return 'wp_';
			}

			public function run(array $statements): array
			{
				return $this->test->answer($statements);
			}
		};
		return new HitService(new HitRecorder($db));
	}
}
