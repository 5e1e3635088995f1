<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Privacy;

use Closure;
use LeadTrail\Privacy\DeletionRun;
use PHPUnit\Framework\TestCase;

final class DeletionRunTest extends TestCase
{
	/** @var array<string, int> rows left per table */
	private array $left = [];
	/** @var list<string> each deletion, as "table:limit" */
	private array $calls = [];

	private function step(string $table): Closure
	{
		return function (int $limit) use ($table): int {
			$this->calls[] = "{$table}:{$limit}";
			$deleted = min($limit, $this->left[$table]);
			$this->left[$table] -= $deleted;
			return $deleted;
		};
	}

	/** @return list<Closure(int): int> */
	private function steps(): array
	{
		return [$this->step('hits'), $this->step('sessions'), $this->step('contacts')];
	}

	public function testDeletesEverythingInOrderWhenItFitsTheBudget(): void
	{
		$this->left = ['hits' => 5, 'sessions' => 0, 'contacts' => 1];

		$run = DeletionRun::run($this->steps(), 10);

		self::assertSame([6, true], [$run->removed, $run->done]);
		self::assertSame(['hits:10', 'sessions:5', 'contacts:5'], $this->calls);
	}

	public function testStopsAtTheBudgetAndTheNextRunGoesOnFromWhatIsLeft(): void
	{
		$this->left = ['hits' => 12, 'sessions' => 3, 'contacts' => 1];

		$first = DeletionRun::run($this->steps(), 10);
		self::assertSame([10, false], [$first->removed, $first->done]);
		self::assertSame(['hits' => 2, 'sessions' => 3, 'contacts' => 1], $this->left, 'the identifying contact stays for the next run');

		$second = DeletionRun::run($this->steps(), 10);
		self::assertSame([6, true], [$second->removed, $second->done]);
		self::assertSame(['hits' => 0, 'sessions' => 0, 'contacts' => 0], $this->left);
	}

	public function testABudgetUsedUpExactlyIsNotTakenForTheEnd(): void
	{
		// The step might have had more rows: only a later run that finds none can say "done".
		$this->left = ['hits' => 10, 'sessions' => 0, 'contacts' => 0];

		self::assertFalse(DeletionRun::run($this->steps(), 10)->done);
		$last = DeletionRun::run($this->steps(), 10);
		self::assertSame([0, true], [$last->removed, $last->done]);
	}
}
