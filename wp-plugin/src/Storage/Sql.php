<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use Closure;
use LeadTrail\Ingest\StorageUnavailable;

/**
 * The recorders' way to talk to wpdb: a failed statement becomes StorageUnavailable (answered as a
 * 503, never a 500), and a transaction commits only when its work returned.
 */
final class Sql
{
	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/**
	 * @return int rows affected
	 * @throws StorageUnavailable
	 */
	public function execute(string $sql): int
	{
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- callers pass $wpdb->prepare()'s output, or SQL without values
		$result = $this->wpdb->query($sql);
		if ($result === false) {
			throw new StorageUnavailable($this->wpdb->last_error);
		}
		return (int) $result;
	}

	/**
	 * One INSERT of a row whose values are escaped by wpdb::prepare; a null is SQL NULL.
	 *
	 * @param array<string, int|string|null> $row column => value
	 * @param string                          $onDuplicate an ON DUPLICATE KEY clause, if any
	 * @return int rows affected (0 when an ON DUPLICATE KEY clause changed nothing)
	 * @throws StorageUnavailable
	 */
	public function insert(string $table, array $row, string $onDuplicate = ''): int
	{
		$placeholders = [];
		$values = [];
		foreach ($row as $value) {
			if ($value === null) {
				$placeholders[] = 'NULL';
				continue;
			}
			$placeholders[] = is_int($value) ? '%d' : '%s';
			$values[] = $value;
		}
		return $this->execute($this->wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL -- the table, the columns and the clause are the callers' code; each value has a placeholder
			"INSERT INTO {$table} (" . implode(', ', array_keys($row)) . ') VALUES (' . implode(', ', $placeholders) . ')'
				// phpcs:ignore WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare, WordPress.DB.PreparedSQL.NotPrepared -- one placeholder per value, built from the row
				. ($onDuplicate === '' ? '' : ' ' . $onDuplicate),
			$values,
		));
	}

	/**
	 * After a read (get_row, get_var, get_results), which answers an error and "nothing" alike.
	 *
	 * @throws StorageUnavailable
	 */
	public function failIfError(): void
	{
		if ($this->wpdb->last_error !== '') {
			throw new StorageUnavailable($this->wpdb->last_error);
		}
	}

	/**
	 * Runs $work in one transaction: committed when it returns, rolled back when it throws.
	 *
	 * @template T
	 * @param Closure(): T $work
	 * @return T
	 */
	public function atomically(Closure $work): mixed
	{
		$this->execute('START TRANSACTION');
		try {
			$result = $work();
			$this->execute('COMMIT');
			return $result;
		} catch (\Throwable $error) {
			$this->wpdb->query('ROLLBACK');
			throw $error;
		}
	}
}
