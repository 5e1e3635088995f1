<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use LeadTrail\Ingest\StorageUnavailable;

/**
 * Statements through wpdb, one query at a time: the way for a WordPress that
 * booted (the REST fallback, SHORTINIT, a db.php drop-in), where the connection is
 * wpdb's own and its filters and logging must see every query.
 */
final class WpdbStatements implements Statements
{
	public function __construct(private readonly \wpdb $wpdb)
	{
		TableCharset::assumeOurs($wpdb);
	}

	public function quote(string $value): string
	{
		// _real_escape() hides "%" behind wpdb's placeholder escape; query() puts it back.
		return "'" . $this->wpdb->_real_escape($value) . "'";
	}

	public function prefix(): string
	{
		return $this->wpdb->prefix;
	}

	public function run(array $statements): array
	{
		$results = [];
		foreach ($statements as $statement) {
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- Statements: the callers' SQL, every value quote()d or cast to int
			if ($this->wpdb->query($statement) === false || $this->wpdb->last_error !== '') {
				throw new StorageUnavailable('A statement failed: ' . $this->wpdb->last_error, StorageUnavailable::errorNumber($this->wpdb));
			}
			$rows = [];
			foreach ((array) $this->wpdb->last_result as $row) {
				$rows[] = array_map(static fn ($value): ?string => $value === null ? null : (string) $value, get_object_vars($row));
			}
			// wpdb keeps insert_id from an earlier INSERT until the next one, and counts a SELECT's rows as affected.
			$inserts = preg_match('/^\s*(insert|replace)\s/i', $statement) === 1;
			$writes = $inserts || preg_match('/^\s*(update|delete)\s/i', $statement) === 1;
			$results[] = new BatchResult($rows, $inserts ? (int) $this->wpdb->insert_id : 0, $writes ? (int) $this->wpdb->rows_affected : 0);
		}
		return $results;
	}
}
