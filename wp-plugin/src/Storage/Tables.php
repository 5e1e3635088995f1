<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * The plugin's table names, without the site's table prefix.
 */
final class Tables
{
	public const VISITORS = 'leadtrail_visitors';
	public const SESSIONS = 'leadtrail_sessions';
	public const HITS = 'leadtrail_hits';

	/** Every table, children first so they can be dropped in this order. */
	public const ALL = [self::HITS, self::SESSIONS, self::VISITORS];

	public static function name(\wpdb $wpdb, string $table): string
	{
		return $wpdb->prefix . $table;
	}
}
