<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * What one statement of a Batch gave back.
 */
final class BatchResult
{
	/**
	 * @param list<array<string, string|null>> $rows the rows of a SELECT, [] for other statements
	 * @param int $insertId the AUTO_INCREMENT id an INSERT generated, else 0
	 * @param int $affectedRows the rows an INSERT, UPDATE or DELETE wrote, else 0
	 */
	public function __construct(
		public readonly array $rows,
		public readonly int $insertId,
		public readonly int $affectedRows = 0,
	) {
	}

	/** @return array<string, string|null>|null */
	public function firstRow(): ?array
	{
		return $this->rows[0] ?? null;
	}
}
