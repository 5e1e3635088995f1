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
		$result = $this->wpdb->query($sql);
		if ($result === false) {
			throw new StorageUnavailable($this->wpdb->last_error);
		}
		return (int) $result;
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
