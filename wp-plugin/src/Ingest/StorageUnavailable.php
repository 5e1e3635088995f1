<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * The database could not be reached or a statement failed. The code is the
 * server's error number when there is one (0 otherwise), so that a caller can
 * tell a duplicate key from an outage.
 */
final class StorageUnavailable extends \RuntimeException
{
	/** ER_DUP_ENTRY: a row with the same unique key exists. */
	public const DUPLICATE_KEY = 1062;

	/** ER_LOCK_DEADLOCK: the server rolled the whole transaction back to break a deadlock. */
	public const DEADLOCK = 1213;

	public function isDuplicateKey(): bool
	{
		return $this->getCode() === self::DUPLICATE_KEY;
	}

	public function isDeadlock(): bool
	{
		return $this->getCode() === self::DEADLOCK;
	}

	/** The error number of wpdb's last query, read from its connection (wpdb keeps no copy). */
	public static function errorNumber(\wpdb $wpdb): int
	{
		// @phpstan-ignore property.protected (wpdb::__get() hands out its protected properties)
		$link = $wpdb->dbh;
		return $link instanceof \mysqli ? $link->errno : 0;
	}
}
