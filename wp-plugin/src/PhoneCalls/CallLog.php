<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Support\Utf8;

/**
 * An uploaded call log (CSV) read in pieces: its delimiter, its first row and the
 * rows from a byte offset on, so an import goes chunk by chunk and each chunk
 * starts where the last ended, also inside quoted line breaks.
 */
final class CallLog
{
	public const DELIMITERS = [',', ';', "\t"];
	/** The largest file taken: a year of a busy call centre fits, and one row in the database holds it. */
	public const MAX_BYTES = 8 * 1024 * 1024;
	private const BOM = "\xEF\xBB\xBF";

	public function __construct(public readonly string $content)
	{
	}

	/**
	 * An uploaded file's bytes as UTF-8: a file that is not UTF-8 is read as Windows-1251,
	 * the encoding Excel and many PBXs in Russia save CSV in (every byte is a character there).
	 */
	public static function utf8(string $bytes): string
	{
		if (Utf8::isValid($bytes)) {
			return $bytes;
		}
		$converted = iconv('Windows-1251', 'UTF-8//IGNORE', $bytes);
		return $converted === false ? '' : $converted;
	}

	/** The delimiter used most in the first line: comma, semicolon (Excel in many locales) or tab. */
	public function delimiter(): string
	{
		$first = strtok($this->content, "\n");
		$first = $first === false ? '' : $first;
		$best = ',';
		$most = 0;
		foreach (self::DELIMITERS as $delimiter) {
			$count = substr_count($first, $delimiter);
			if ($count > $most) {
				$best = $delimiter;
				$most = $count;
			}
		}
		return $best;
	}

	/** @return list<string> the first row's cells (the header of most logs) */
	public function firstRow(): array
	{
		$chunk = $this->rows(0, 0, 1);
		return $chunk->rows === [] ? [] : $chunk->rows[0]['cells'];
	}

	/** Whether the first row names the columns: none of its cells holds a number of five digits or more. */
	public function startsWithHeader(): bool
	{
		foreach ($this->firstRow() as $cell) {
			if (preg_match('/\d{5}/', (string) preg_replace('/\D/', '', $cell)) === 1) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Up to $limit rows from byte $offset, which is 0 or a CallLogChunk's next offset; blank lines are skipped.
	 *
	 * @param int $rowsBefore how many rows came before $offset (to number the rows as a spreadsheet does)
	 */
	public function rows(int $offset, int $rowsBefore, int $limit): CallLogChunk
	{
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fopen -- a php://memory stream, not a file on disk
		$stream = fopen('php://memory', 'w+b');
		if ($stream === false) {
			return new CallLogChunk([], $offset, $rowsBefore, true);
		}
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a php://memory stream, not a file on disk
		fwrite($stream, $this->content);
		$start = max($offset, str_starts_with($this->content, self::BOM) ? strlen(self::BOM) : 0);
		fseek($stream, min($start, strlen($this->content)));
		$delimiter = $this->delimiter();
		$rows = [];
		$number = $rowsBefore;
		while (count($rows) < $limit) {
			$cells = fgetcsv($stream, null, $delimiter, '"', '');
			if ($cells === false) {
				break;
			}
			$number++;
			if ($cells === [null]) {
				continue;
			}
			$rows[] = ['row' => $number, 'cells' => array_map(static fn (?string $cell): string => trim((string) $cell), $cells)];
		}
		$next = (int) ftell($stream);
		$done = $next >= strlen($this->content) || fgetc($stream) === false;
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a php://memory stream, not a file on disk
		fclose($stream);
		return new CallLogChunk($rows, $next, $number, $done);
	}
}
