<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

use Closure;
use mysqli;

/**
 * WordPress's wpdb on a mysqli connection that the lean endpoint opened itself.
 *
 * wpdb's constructor would connect again and spend round trips on the charset
 * (mysqli_set_charset() and SET NAMES), on reading the SQL mode before changing
 * it and on selecting the database. Here the charset and the database come with
 * the handshake, and the SQL mode is made WordPress-compatible with one
 * statement; every other method is wpdb's own, so the services get the same
 * object as under WordPress.
 *
 * Needs wp-includes/load.php, plugin.php, class-wp-error.php and class-wpdb.php
 * (LeanBoot loads them).
 */
final class LeanWpdb extends \wpdb
{
	/**
	 * @param mysqli $link      open, on the database, in utf8mb4
	 * @param string $collate   DB_COLLATE ("" when not set)
	 */
	public function __construct(
		mysqli $link,
		string $dbUser,
		string $dbPassword,
		string $dbName,
		string $dbHost,
		string $tablePrefix,
		string $collate,
	) {
		// Not parent::__construct(): it would open a second connection. Kept as wpdb keeps
		// them, for code that reads them; this class never reconnects (check_connection()).
		$this->dbuser = $dbUser;
		$this->dbpassword = $dbPassword;
		$this->dbname = $dbName;
		$this->dbhost = $dbHost;

		$this->dbh = $link;
		// wpdb keeps these private; its own code sets them when it has connected.
		Closure::bind(static function (\wpdb $wpdb): void {
			if (property_exists(\wpdb::class, 'use_mysqli')) {
				// @phpstan-ignore property.notFound (WordPress before 6.4 has it)
				$wpdb->use_mysqli = true;
			}
			// @phpstan-ignore property.notFound (private, so the stubs leave it out)
			$wpdb->has_connected = true;
		}, null, \wpdb::class)($this);
		$this->is_mysql = true;
		$this->ready = true;

		$this->charset = 'utf8mb4';
		$this->collate = $this->determine_charset('utf8mb4', $collate)['collate'];
		$this->set_prefix($tablePrefix);
		Tables::register($this);
		$this->makeSqlModeCompatible();
	}

	/**
	 * A lost connection is not opened again. wpdb would reconnect (five tries, a second
	 * apart, each waiting for a frozen server) and go on with the next statement outside
	 * the transaction that the lost connection rolled back; failing the request instead
	 * answers 503, and the client sends the whole request again.
	 *
	 * wpdb then returns false without an error (it cleared last_error before the query),
	 * and a read would look like "no such row": the error is set here so that callers
	 * that check last_error see the failure.
	 *
	 * @param bool $allow_bail unused: nothing is printed here
	 * @return false
	 */
	public function check_connection($allow_bail = true)
	{
		$this->last_error = 'The connection to the database was lost.';
		return false;
	}

	/** As wpdb::set_sql_mode(), in one statement instead of a read and a write. */
	private function makeSqlModeCompatible(): void
	{
		/** This filter is documented in wp-includes/class-wpdb.php */
		$incompatible = (array) apply_filters('incompatible_sql_modes', $this->incompatible_modes);
		$this->dbh->query(SqlMode::compatible($incompatible, $this->dbh));
	}

	/**
	 * The callers named in the error log with a failed query; wpdb's own uses
	 * wp_debug_backtrace_summary() from functions.php, which is not loaded here.
	 */
	public function get_caller()
	{
		$calls = [];
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_debug_backtrace -- reads which wpdb method called, as wpdb's own get_caller() does
		foreach (debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS) as $frame) {
			if (isset($frame['class']) && is_a($frame['class'], \wpdb::class, true)) {
				continue;
			}
			$calls[] = isset($frame['class']) ? $frame['class'] . ($frame['type'] ?? '->') . $frame['function'] : $frame['function'];
		}
		return implode(', ', array_reverse($calls));
	}
}
