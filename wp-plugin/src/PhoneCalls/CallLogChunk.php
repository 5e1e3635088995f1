<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * Rows of a call log read from one offset, and where the next chunk starts.
 */
final class CallLogChunk
{
	/**
	 * @param list<array{row: int, cells: list<string>}> $rows  each with its row number in the file (the first row is 1)
	 * @param int                                         $next  the byte offset of the next chunk
	 * @param int                                         $rowsRead the rows read up to $next, blank ones included
	 */
	public function __construct(
		public readonly array $rows,
		public readonly int $next,
		public readonly int $rowsRead,
		public readonly bool $done,
	) {
	}
}
