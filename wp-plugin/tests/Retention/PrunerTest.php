<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Retention;

use LeadTrail\Retention\PruneStore;
use LeadTrail\Retention\Pruner;
use PHPUnit\Framework\TestCase;

final class PrunerTest extends TestCase
{
	private const CUTOFF = '2025-01-01 00:00:00';

	public function testDeletesEveryStepInBatchesChildrenFirstVisitorsLast(): void
	{
		$store = self::store([Pruner::EVENTS => 5, Pruner::HITS => 4, Pruner::SESSIONS => 0, Pruner::CALLS_SEEN => 2, Pruner::VISITORS => 3]);

		self::assertTrue(self::pruner($store, 2)->run(self::CUTOFF));

		self::assertSame([
			[Pruner::EVENTS, 2], [Pruner::EVENTS, 2], [Pruner::EVENTS, 1],
			[Pruner::HITS, 2], [Pruner::HITS, 2], [Pruner::HITS, 0],
			[Pruner::NUMBER_HOLDS, 0],
			[Pruner::NUMBER_SLOTS, 0],
			[Pruner::SESSIONS, 0],
			[Pruner::CALLS_SEEN, 2], [Pruner::CALLS_SEEN, 0],
			[Pruner::CHATS, 0],
			[Pruner::VISITORS, 2], [Pruner::VISITORS, 1],
		], $store->calls);
		self::assertSame([self::CUTOFF], array_unique($store->cutoffs));
		self::assertSame(0, array_sum($store->left));
	}

	public function testStopsWhenTheBudgetIsSpentAndSaysMoreIsLeft(): void
	{
		$store = self::store([Pruner::EVENTS => 10, Pruner::HITS => 10]);
		$now = 0.0;
		$store->afterEach = static function () use (&$now): void {
			$now += 1.0;
		};
		$pruner = new Pruner($store, static function () use (&$now): float {
			return $now;
		}, 3, 2.5);

		self::assertFalse($pruner->run(self::CUTOFF));
		self::assertSame([[Pruner::EVENTS, 3], [Pruner::EVENTS, 3], [Pruner::EVENTS, 3]], $store->calls);

		// The next run (the cron job again) goes on where the data is.
		$now = 100.0;
		self::assertFalse($pruner->run(self::CUTOFF));
		self::assertSame(0, $store->left[Pruner::EVENTS]);
	}

	public function testNothingOldMeansOneCheapStatementPerStep(): void
	{
		$store = self::store([]);

		self::assertTrue(self::pruner($store, 1000)->run(self::CUTOFF));

		self::assertSame(array_map(static fn (string $step): array => [$step, 0], Pruner::STEPS), $store->calls);
	}

	private static function pruner(PruneStore $store, int $batch): Pruner
	{
		return new Pruner($store, static fn (): float => 0.0, $batch, 15.0);
	}

	/** @param array<string, int> $rows old rows per step */
	private static function store(array $rows): PruneStore
	{
		return new class ($rows + array_fill_keys(Pruner::STEPS, 0)) implements PruneStore {
			/** @var list<array{string, int}> each call: the step and how many it deleted */
			public array $calls = [];
			/** @var list<string> */
			public array $cutoffs = [];
			public ?\Closure $afterEach = null;

			/** @param array<string, int> $left */
			public function __construct(public array $left)
			{
			}

			public function delete(string $step, string $cutoff, int $limit): int
			{
				$deleted = min($limit, $this->left[$step]);
				$this->left[$step] -= $deleted;
				$this->calls[] = [$step, $deleted];
				$this->cutoffs[] = $cutoff;
				if ($this->afterEach !== null) {
					($this->afterEach)();
				}
				return $deleted;
			}
		};
	}
}
