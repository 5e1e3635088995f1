<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use LeadTrail\Ingest\StorageUnavailable;

/**
 * The database as the hit recorder uses it: quoted literals, the table prefix, and
 * statements sent in batches, each batch one round trip where the connection allows it.
 *
 * The statements are the caller's complete SQL, every value quote()d or cast to int.
 * Execution stops at the first statement that fails, as the server does with a
 * multi-statement query: the caller rolls back what it had begun.
 */
interface Statements
{
	/** A string as an SQL literal, quotes included. */
	public function quote(string $value): string;

	/** The site's table prefix (WordPress's $table_prefix, or the blog's on multisite). */
	public function prefix(): string;

	/**
	 * @param list<string> $statements
	 * @return list<BatchResult> one per statement, in order
	 * @throws StorageUnavailable when a statement fails; the ones after it did not run
	 */
	public function run(array $statements): array;
}
