<?php

declare(strict_types=1);

namespace LeadTrail\Tests\PhoneCalls;

use DateTimeZone;
use LeadTrail\PhoneCalls\CallAttribution;
use LeadTrail\PhoneCalls\CallLog;
use LeadTrail\PhoneCalls\CallLogImport;
use LeadTrail\PhoneCalls\CallLogMapping;
use LeadTrail\PhoneCalls\IncomingCall;
use LeadTrail\PhoneCalls\RecordedCall;
use PHPUnit\Framework\TestCase;

final class CallLogTest extends TestCase
{
	private const LOG = "\xEF\xBB\xBFcalldate;src;dst;billsec;disposition;uniqueid\r\n"
		. "2026-12-07 10:00:00;+7 912 555-00-01;74951825168;20;ANSWERED;\"a\nb\"\r\n"
		. "\r\n"
		. "2026-12-07 10:01:00;x;74951825168;0;NO ANSWER;c2\r\n";

	public function testFindsTheDelimiterAndTheHeader(): void
	{
		$log = new CallLog(self::LOG);
		self::assertSame(';', $log->delimiter());
		self::assertSame(['calldate', 'src', 'dst', 'billsec', 'disposition', 'uniqueid'], $log->firstRow());
		self::assertTrue($log->startsWithHeader());
		self::assertFalse((new CallLog("74951825168,79125550101,1796627700,answered\n"))->startsWithHeader());
		self::assertSame("\t", (new CallLog("a\tb\tc\n"))->delimiter());
	}

	public function testReadsAWindows1251FileAsUtf8(): void
	{
		self::assertSame("Дата;Номер\n", CallLog::utf8("\xC4\xE0\xF2\xE0;\xCD\xEE\xEC\xE5\xF0\n"));
		self::assertSame("Дата\n", CallLog::utf8("Дата\n"));
	}

	public function testReadsInChunksThatResumeWhereTheLastEnded(): void
	{
		$log = new CallLog(self::LOG);
		$first = $log->rows(0, 0, 2);
		self::assertSame([1, 2], array_column($first->rows, 'row'));
		self::assertSame("a\nb", $first->rows[1]['cells'][5]);
		self::assertFalse($first->done);
		$rest = $log->rows($first->next, $first->rowsRead, 10);
		// The blank line is row 3 and skipped; the numbers stay those a spreadsheet shows.
		self::assertSame([4], array_column($rest->rows, 'row'));
		self::assertTrue($rest->done);
	}

	public function testGuessesTheColumnsFromUsualHeaderNames(): void
	{
		self::assertSame(
			['called_number' => 2, 'caller_number' => 1, 'start_time' => 0, 'duration' => 3, 'status' => 4, 'call_id' => 5],
			CallLogMapping::guess(['calldate', 'src', 'dst', 'billsec', 'disposition', 'uniqueid'])->columns
		);
		self::assertSame(
			['called_number' => 1, 'caller_number' => 0, 'start_time' => 2, 'duration' => 3, 'status' => 4, 'recording_url' => 5],
			CallLogMapping::guess(['Номер абонента', 'Куда звонили', 'Дата и время', 'Длительность', 'Статус', 'Запись'])->columns
		);
	}

	public function testTakesOnlyAMappingThatFitsTheFile(): void
	{
		$mapping = CallLogMapping::fromInput(['called_number' => '0', 'caller_number' => '0', 'start_time' => '9', 'status' => 'x', 'other' => '1'], 4);
		self::assertSame(['called_number' => 0], $mapping->columns);
		self::assertSame(['caller_number', 'start_time', 'status'], $mapping->missing());
	}

	public function testImportsEachRowOnItsOwnAndListsTheRefusedOnesWithTheirReason(): void
	{
		$seen = [];
		$record = static function (array $fields) use (&$seen): RecordedCall {
			$call = IncomingCall::fromFields($fields, new DateTimeZone('UTC'), 1796627700 + 86400);
			$new = !isset($seen[$call->key()]);
			$seen[$call->key()] = true;
			return new RecordedCall(count($seen), $new, CallAttribution::none());
		};
		$log = new CallLog(str_replace("\"a\nb\"", 'c1', self::LOG));
		$import = new CallLogImport($log, CallLogMapping::guess($log->firstRow()), true, $record);
		$result = $import->chunk(0, 0);
		self::assertSame([1, 0, true], [$result['imported'], $result['duplicates'], $result['done']]);
		self::assertSame([['row' => 4, 'field' => 'caller_number', 'reason' => 'not a phone number (7 to 15 digits, as +7 495 182-51-68 or 74951825168)']], $result['errors']);
		// Run again, as after an interruption: the row is there already, nothing doubles.
		$again = $import->chunk(0, 0);
		self::assertSame([0, 1], [$again['imported'], $again['duplicates']]);
	}
}
