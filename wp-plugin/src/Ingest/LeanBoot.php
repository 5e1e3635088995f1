<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Storage\DbHost;
use LeadTrail\Storage\LeanWpdb;
use LeadTrail\Storage\MysqliStatements;
use LeadTrail\Storage\WpConfig;
use LeadTrail\Storage\WpConfigNotPlain;
use LeadTrail\Storage\WpConfigParser;

/**
 * collect.php's fast way to the database: the settings read from wp-config.php
 * without running it, one mysqli connection, and wpdb with nothing else of
 * WordPress (no wp-settings.php, no default filters, no functions.php).
 *
 * It steps aside (prepare() gives null, and collect.php boots WordPress with
 * SHORTINIT as before) whenever WordPress itself would connect differently or
 * not at all: a wp-config.php that is not plain (WpConfigParser), a charset
 * other than utf8/utf8mb4, multisite, MYSQL_CLIENT_FLAGS or WP_USE_EXT_MYSQL,
 * a db.php drop-in, maintenance mode, an invalid table prefix, or no mysqli. Every such
 * decision is taken before any WordPress file is loaded, so the fallback can
 * still load them all.
 */
final class LeanBoot
{
	/**
	 * Seconds to wait for the database to accept a connection, and for any one answer.
	 * A stopped or frozen database must cost a request a few seconds and a 503, not a
	 * PHP worker for as long as it lasts (the web server's workers serve static files too).
	 * Every statement of the lean endpoint is a small indexed read or write.
	 */
	public const CONNECT_TIMEOUT = 3;
	public const READ_TIMEOUT = 5;

	/**
	 * The same limits for the connections that wpdb opens itself (the SHORTINIT fallback,
	 * wpdb's reconnects): mysqlnd takes them from these settings when nobody set the options.
	 */
	public static function limitWaits(): void
	{
		ini_set('default_socket_timeout', (string) self::CONNECT_TIMEOUT);
		ini_set('mysqlnd.net_read_timeout', (string) self::READ_TIMEOUT);
	}

	private function __construct(
		private readonly string $abspath,
		private readonly string $contentDir,
		private readonly WpConfig $config,
	) {
	}

	/** @return self|null null when WordPress must boot to know how to reach the database */
	public static function prepare(string $wpLoad): ?self
	{
		// Without mysqli WordPress would refuse to run (or use a drop-in): let it say so.
		// phpcs:ignore WordPress.DB.RestrictedClasses.mysql__mysqli -- the lean endpoint connects without WordPress, by design (docs/contracts.md)
		if (!class_exists(\mysqli::class, false)) {
			return null;
		}
		$abspath = dirname($wpLoad) . '/';
		$file = self::configFile($abspath);
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- reads the local wp-config.php; WordPress is not loaded
		$code = $file === null ? false : @file_get_contents($file);
		if ($code === false) {
			return null;
		}
		try {
			$config = WpConfigParser::parse($code);
		} catch (WpConfigNotPlain) {
			return null;
		}

		$contentDir = $config->string('WP_CONTENT_DIR') ?? $abspath . 'wp-content';
		$steppingAside = !in_array($config->string('DB_CHARSET'), ['utf8', 'utf8mb4'], true)
			// As wpdb::set_prefix().
			|| preg_match('|[^a-z0-9_]|i', $config->tablePrefix) === 1
			// As is_multisite().
			|| ($config->constants['MULTISITE'] ?? false)
			|| $config->has('SUBDOMAIN_INSTALL') || $config->has('VHOST') || $config->has('SUNRISE')
			|| $config->has('MYSQL_CLIENT_FLAGS')
			|| ($config->constants['WP_USE_EXT_MYSQL'] ?? false)
			// A drop-in replaces wpdb (another database, a cluster router, SQLite).
			|| is_file($contentDir . '/db.php')
			// WordPress answers 503 while it updates itself.
			|| is_file($abspath . '.maintenance');
		return $steppingAside ? null : new self($abspath, $contentDir, $config);
	}

	/**
	 * Connects, then loads wpdb and the few core files its methods call.
	 *
	 * @throws StorageUnavailable when the database cannot be reached
	 */
	public function connect(): \wpdb
	{
		$link = $this->open();
		$includes = $this->abspath . 'wp-includes/';
		require_once $includes . 'load.php';
		require_once $includes . 'plugin.php';
		require_once $includes . 'class-wp-error.php';
		// WordPress 6.1 moved the class out of wp-db.php, which now only warns and includes it.
		require_once is_file($includes . 'class-wpdb.php') ? $includes . 'class-wpdb.php' : $includes . 'wp-db.php';

		return new LeanWpdb(
			$link,
			(string) $this->config->string('DB_USER'),
			(string) $this->config->string('DB_PASSWORD'),
			(string) $this->config->string('DB_NAME'),
			(string) $this->config->string('DB_HOST'),
			$this->config->tablePrefix,
			(string) $this->config->string('DB_COLLATE'),
		);
	}

	/**
	 * Connects for the hit, which needs no part of WordPress at all: its statements
	 * go straight over mysqli (the REST fallback sends the same ones through wpdb).
	 *
	 * @throws StorageUnavailable when the database cannot be reached
	 */
	public function statements(): MysqliStatements
	{
		return new MysqliStatements($this->open(), $this->config->tablePrefix);
	}

	/**
	 * The connection as wpdb would make it, and the constants and time zone that
	 * wp-config.php and wp-settings.php would have set.
	 *
	 * @throws StorageUnavailable
	 */
	private function open(): \mysqli
	{
		$host = DbHost::parse((string) $this->config->string('DB_HOST'));

		// wpdb checks return values and mysqli_error(); PHP 8.1 made mysqli throw by default.
		// phpcs:ignore WordPress.DB.RestrictedFunctions.mysql_mysqli_report -- the lean endpoint connects without WordPress, by design
		mysqli_report(MYSQLI_REPORT_OFF);
		// phpcs:ignore WordPress.DB.RestrictedFunctions.mysql_mysqli_init -- the lean endpoint connects without WordPress, by design
		$link = mysqli_init();
		// utf8mb4 and the database in the handshake: no SET NAMES, no USE.
		if ($link === false
			|| !$link->options(MYSQLI_SET_CHARSET_NAME, 'utf8mb4')
			|| !$link->options(MYSQLI_OPT_CONNECT_TIMEOUT, self::CONNECT_TIMEOUT)
			|| !$link->options(MYSQLI_OPT_READ_TIMEOUT, self::READ_TIMEOUT)
			|| !@$link->real_connect(
				$host->mysqliHost(),
				(string) $this->config->string('DB_USER'),
				(string) $this->config->string('DB_PASSWORD'),
				(string) $this->config->string('DB_NAME'),
				$host->port,
				$host->socket,
			)) {
			throw new StorageUnavailable('Could not connect to the database: ' . ($link === false ? 'mysqli_init() failed' : (string) $link->connect_error));
		}

		$this->defineConstants();
		// As wp-settings.php: PHP's date functions in UTC.
		date_default_timezone_set('UTC');
		return $link;
	}

	/** Where wp-load.php looks for wp-config.php: ABSPATH, or one level up when that is not another site. */
	private static function configFile(string $abspath): ?string
	{
		if (file_exists($abspath . 'wp-config.php')) {
			return $abspath . 'wp-config.php';
		}
		$parent = dirname($abspath);
		if (file_exists($parent . '/wp-config.php') && !file_exists($parent . '/wp-settings.php')) {
			return $parent . '/wp-config.php';
		}
		return null;
	}

	/** What wp-load.php, wp-config.php and wp-settings.php would have defined and the code here reads. */
	private function defineConstants(): void
	{
		$constants = $this->config->constants + [
			'ABSPATH' => $this->abspath,
			'WPINC' => 'wp-includes',
			'WP_CONTENT_DIR' => $this->contentDir,
			// wpdb reads it when it reconnects; the site's own value only decides whether
			// connection warnings are printed, and the output is discarded anyway.
			'WP_DEBUG' => false,
		];
		foreach ($constants as $name => $value) {
			if (!defined($name)) {
				define($name, $value);
			}
		}
	}
}
