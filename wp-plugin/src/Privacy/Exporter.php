<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

/**
 * WordPress's personal data exporter for LeadTrail (Tools > Export Personal Data): one page of
 * at most PER_PAGE rows a call, so that a person with many page views never times a request out.
 * The rows the address was found in come first (MatchesSection), then the person's data.
 */
final class Exporter
{
	public const PER_PAGE = 100;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * @return array{data: list<array<string, mixed>>, done: bool}
	 */
	public function export(string $email, int $page): array
	{
		$person = (new PersonFinder($this->wpdb))->find($email);
		if ($person === null || $person->isEmpty()) {
			return ['data' => [], 'done' => true];
		}
		$sections = ExportSections::all($this->wpdb);
		$counts = [MatchesSection::KEY => count($person->matches)]
			+ array_map(fn (ExportSection $section): int => $this->count($section, $person), $sections);
		$at = ExportPage::locate($counts, $page, self::PER_PAGE);
		if ($at === null) {
			return ['data' => [], 'done' => true];
		}
		if ($at->section === MatchesSection::KEY) {
			return ['data' => MatchesSection::items($person, $at->offset, self::PER_PAGE), 'done' => $at->last];
		}
		$section = $sections[$at->section];
		return ['data' => $section->items($this->rows($section, $person, $at->offset), $person), 'done' => $at->last];
	}

	private function count(ExportSection $section, Person $person): int
	{
		$wpdb = $this->wpdb;
		[$where, $args] = ($section->where)($person);
		if ($args === []) {
			// The person has no visitor: nothing can match ("1 = 0"), and prepare() needs an argument.
			return 0;
		}
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the section's tables (ExportSections), its WHERE with its own placeholders and values
		return (int) $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM {$section->from} WHERE {$where}", ...$args));
	}

	/** @return list<array<string, string|null>> */
	private function rows(ExportSection $section, Person $person, int $offset): array
	{
		$wpdb = $this->wpdb;
		[$where, $args] = ($section->where)($person);
		$id = strstr($section->columns, ',', true);
		// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.ReplacementsWrongNumber -- the section's WHERE brings its own placeholders and values
		$rows = $wpdb->get_results($wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the section's columns and tables (ExportSections), its WHERE with placeholders
			"SELECT {$section->columns} FROM {$section->from} WHERE {$where} ORDER BY {$id} LIMIT %d OFFSET %d",
			...[...$args, self::PER_PAGE, $offset]
		), ARRAY_A);
		return is_array($rows) ? array_values($rows) : [];
	}
}
