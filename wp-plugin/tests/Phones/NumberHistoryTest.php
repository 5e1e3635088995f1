<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Phones;

use LeadTrail\Phones\NumberHistory;
use LeadTrail\Retention\Pruner;
use PHPUnit\Framework\TestCase;

/**
 * Retention and the privacy eraser reach the numbers' trace of visits. (Against MariaDB:
 * test/e2e/retention.test.ts and privacy.test.ts.)
 */
final class NumberHistoryTest extends TestCase
{
	public function testRetentionDeletesTheHoldsThatEndedBeforeTheCutoffOldestFirst(): void
	{
		self::assertSame(
			'DELETE FROM wp_leadtrail_number_holds WHERE held_until < %s ORDER BY held_until LIMIT %d',
			NumberHistory::pruneHolds('wp_')
		);
	}

	public function testRetentionUnlinksTheSlotsHeldLastBeforeTheCutoffAndKeepsTheirHoldTime(): void
	{
		$sql = NumberHistory::pruneSlots('wp_');

		self::assertStringStartsWith('UPDATE wp_leadtrail_numbers SET session_id = 0, visitor_id = 0 WHERE ', $sql);
		self::assertStringContainsString("kind = 'pool' AND visitor_id <> 0 AND held_until < %s LIMIT %d", $sql);
		self::assertStringNotContainsString('held_until =', $sql);
	}

	public function testTheEraserUnlinksThePersonsSlotsOnly(): void
	{
		$sql = NumberHistory::unlinkSlots('wp_', 'visitor_id IN (%d, %d)');

		self::assertSame("UPDATE wp_leadtrail_numbers SET session_id = 0, visitor_id = 0 WHERE kind = 'pool' AND visitor_id IN (%d, %d) ORDER BY id LIMIT %d", $sql);
	}

	public function testRetentionPrunesTheHoldsAndSlotsBeforeTheSessionsTheyName(): void
	{
		$steps = array_flip(Pruner::STEPS);

		self::assertLessThan($steps[Pruner::SESSIONS], $steps[Pruner::NUMBER_HOLDS]);
		self::assertLessThan($steps[Pruner::SESSIONS], $steps[Pruner::NUMBER_SLOTS]);
	}
}
