<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use Closure;

/**
 * Imports one chunk of a call log: each row is read with the mapping and recorded
 * on its own, idempotently, so an import interrupted and run again from the start
 * adds only the rows it had not reached, and doubles none.
 */
final class CallLogImport
{
	public const CHUNK = 200;

	/** @param Closure(array<string, string>): RecordedCall $record throws InvalidCallField for a row that does not fit */
	public function __construct(
		private readonly CallLog $log,
		private readonly CallLogMapping $mapping,
		private readonly bool $skipHeader,
		private readonly Closure $record,
	) {
	}

	/**
	 * @return array{next: int, rows_read: int, done: bool, size: int, imported: int, duplicates: int,
	 *               errors: list<array{row: int, field: string, reason: string}>}
	 * @throws \LeadTrail\Ingest\StorageUnavailable (the chunk stops there; run it again)
	 */
	public function chunk(int $offset, int $rowsBefore, int $limit = self::CHUNK): array
	{
		$chunk = $this->log->rows($offset, $rowsBefore, $limit);
		$imported = 0;
		$duplicates = 0;
		$errors = [];
		foreach ($chunk->rows as $row) {
			if ($this->skipHeader && $row['row'] === 1) {
				continue;
			}
			try {
				$recorded = ($this->record)($this->mapping->fields($row['cells']));
			} catch (InvalidCallField $invalid) {
				$errors[] = ['row' => $row['row'], 'field' => $invalid->field, 'reason' => $invalid->reason];
				continue;
			}
			$recorded->isNew ? $imported++ : $duplicates++;
		}
		return [
			'next' => $chunk->next,
			'rows_read' => $chunk->rowsRead,
			'done' => $chunk->done,
			'size' => strlen($this->log->content),
			'imported' => $imported,
			'duplicates' => $duplicates,
			'errors' => $errors,
		];
	}
}
