<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use LeadTrail\Admin\CsvCell;
use LeadTrail\Admin\CsvDownload;
use PHPUnit\Framework\TestCase;

final class CsvDownloadTest extends TestCase
{
	public function testWritesTheBomTheHeaderAndEveryBatchUntilAShortOne(): void
	{
		$rows = [
			['id' => '5', 'name' => 'Анна'],
			['id' => '4', 'name' => '=HYPERLINK("x")'],
			['id' => '3', 'name' => null],
		];
		$asked = [];
		$batch = static function (?int $before) use ($rows, &$asked): array {
			$asked[] = $before;
			$older = array_values(array_filter($rows, static fn (array $row): bool => $before === null || (int) $row['id'] < $before));
			return array_slice($older, 0, 2);
		};

		$csv = self::write(['ID', 'Name'], 2, $batch, static fn (array $row): array => [(string) $row['id'], CsvCell::neutralise($row['name'])]);

		self::assertSame(
			"\xEF\xBB\xBF" . "ID,Name\r\n" . "5,Анна\r\n" . "4,\"'=HYPERLINK(\"\"x\"\")\"\r\n" . "3,\r\n",
			$csv
		);
		// Keyed on the last id written; a short batch ends the export.
		self::assertSame([null, 4], $asked);
	}

	public function testAFullLastBatchAsksOnceMoreAndGetsNothing(): void
	{
		$asked = [];
		$batch = static function (?int $before) use (&$asked): array {
			$asked[] = $before;
			return $before === null ? [['id' => '2'], ['id' => '1']] : [];
		};

		$csv = self::write(['ID'], 2, $batch, static fn (array $row): array => [(string) $row['id']]);

		self::assertSame("\xEF\xBB\xBFID\r\n2\r\n1\r\n", $csv);
		self::assertSame([null, 1], $asked);
	}

	public function testNothingToExportIsTheHeaderAlone(): void
	{
		$csv = self::write(['Time', 'Category'], 1000, static fn (?int $before): array => [], static fn (array $row): array => []);

		self::assertSame("\xEF\xBB\xBFTime,Category\r\n", $csv);
	}

	public function testAQuoteIsDoubledNeverBackslashEscaped(): void
	{
		$csv = self::write(['a'], 10, static fn (?int $before): array => [['id' => '1', 'v' => 'say \\"hi\\", ok']], static fn (array $row): array => [(string) $row['v']]);

		self::assertSame("\xEF\xBB\xBFa\r\n\"say \\\"\"hi\\\"\", ok\"\r\n", $csv);
	}

	/**
	 * @param list<string> $header
	 */
	private static function write(array $header, int $size, callable $batch, callable $cells): string
	{
		$out = fopen('php://memory', 'w+b');
		self::assertIsResource($out);
		CsvDownload::write($out, $header, $size, $batch, $cells);
		rewind($out);
		$csv = (string) stream_get_contents($out);
		fclose($out);
		return $csv;
	}
}
