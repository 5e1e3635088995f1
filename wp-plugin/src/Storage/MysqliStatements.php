<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use LeadTrail\Ingest\StorageUnavailable;
use mysqli;

/**
 * Statements over the lean endpoint's own mysqli link, without wpdb or any other
 * part of WordPress: each batch is one multi-statement query, so a hit costs the
 * handshake and two round trips (plus one COM_SET_OPTION, by which mysqli turns
 * the server's multi-statement option on for its first multi_query()).
 *
 * mysqli turns that option off again before any plain query, and only
 * multi_query() sends several statements, so a string sent any other way still
 * runs as one statement. The first batch starts with the statement that makes
 * the SQL mode WordPress-compatible, as wpdb would have done when it connected.
 */
final class MysqliStatements implements Statements
{
	private ?string $setup;

	/** @param mysqli $link open, on the database, in utf8mb4 (so real_escape_string() escapes for it) */
	public function __construct(private readonly mysqli $link, private readonly string $prefix)
	{
		$this->setup = SqlMode::compatible(SqlMode::INCOMPATIBLE, $link);
	}

	public function quote(string $value): string
	{
		return "'" . $this->link->real_escape_string($value) . "'";
	}

	public function prefix(): string
	{
		return $this->prefix;
	}

	public function run(array $statements): array
	{
		$all = $this->setup === null ? $statements : [$this->setup, ...$statements];
		$withSetup = $this->setup !== null;
		$this->setup = null;

		$link = $this->link;
		$results = [];
		if ($link->multi_query(implode(";\n", $all))) {
			do {
				$result = $link->store_result();
				if ($result instanceof \mysqli_result) {
					/** @var list<array<string, string|null>> $rows */
					$rows = $result->fetch_all(MYSQLI_ASSOC);
					$result->free();
					$results[] = new BatchResult($rows, 0);
				} elseif ($link->errno === 0) {
					$results[] = new BatchResult([], (int) $link->insert_id, max(0, (int) $link->affected_rows));
				}
			} while ($link->errno === 0 && $link->more_results() && $link->next_result());
		}

		if ($link->errno !== 0 || count($results) !== count($all)) {
			throw new StorageUnavailable('A statement failed: ' . ($link->error !== '' ? $link->error : 'the batch stopped early'), $link->errno);
		}
		return $withSetup ? array_slice($results, 1) : $results;
	}
}
