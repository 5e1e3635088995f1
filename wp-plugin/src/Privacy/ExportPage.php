<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

/**
 * Which rows one page of an export holds. WordPress asks for pages 1, 2, ... until one says it is
 * the last; the sections follow one another, each in pages of at most $perPage rows, so a page
 * never mixes sections and its query is one LIMIT ... OFFSET.
 */
final class ExportPage
{
	private function __construct(
		/** The section's key, as in the counts. */
		public readonly string $section,
		public readonly int $offset,
		/** Whether no page follows this one. */
		public readonly bool $last,
	) {
	}

	/**
	 * @param array<string, int> $counts rows per section, in export order
	 * @return self|null null when there is no such page (nothing to export, or past the end)
	 */
	public static function locate(array $counts, int $page, int $perPage): ?self
	{
		$pages = array_map(static fn (int $count): int => (int) ceil(max(0, $count) / $perPage), $counts);
		$total = array_sum($pages);
		if ($page < 1 || $page > $total) {
			return null;
		}
		$skip = $page - 1;
		foreach ($pages as $section => $sectionPages) {
			if ($skip < $sectionPages) {
				return new self((string) $section, $skip * $perPage, $page === $total);
			}
			$skip -= $sectionPages;
		}
		return null;
	}
}
