<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Reports;

use LeadTrail\Reports\ReportRow;
use PHPUnit\Framework\TestCase;

final class ReportRowTest extends TestCase
{
	public function testLeadsAddUpAndConversionIsSessionsWithALeadPerSession(): void
	{
		$row = ReportRow::numbers([
			'sessions' => '8', 'pageviews' => '20', 'requests' => '2', 'callbacks' => '1', 'calls' => '1', 'chats' => '2',
			'lead_sessions' => '3', 'sales' => '1', 'revenue' => '1500.50',
		]);

		self::assertSame(6, $row['leads']);
		self::assertSame(2, $row['chats']);
		self::assertSame(37.5, $row['conversion']);
		self::assertSame(1500.5, $row['revenue']);
	}

	public function testNoSessionsIsNoConversionAndEmptySumsAreZero(): void
	{
		$row = ReportRow::numbers(['sessions' => null, 'lead_sessions' => '2']);

		self::assertSame(0, $row['sessions']);
		self::assertSame(0.0, $row['conversion']);
		self::assertSame(0, $row['leads']);
	}
}
