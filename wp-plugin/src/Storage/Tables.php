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
	public const EVENTS = 'leadtrail_events';
	public const CONTACTS = 'leadtrail_contacts';
	public const PROPERTIES = 'leadtrail_properties';
	/** The idempotency keys of visitor calls, with the answer each was given. */
	public const REQUESTS_SEEN = 'leadtrail_requests_seen';
	/** Lead requests (A4, A6). */
	public const REQUESTS = 'leadtrail_requests';
	/** The fingerprints of recent leads, for the duplicate rule. */
	public const REQUEST_CLAIMS = 'leadtrail_request_claims';
	/** Rate-limit counts per bucket and window. */
	public const RATE_LIMITS = 'leadtrail_rate_limits';
	/** Cloud mode: the leads to forward to the vendor, with their delivery state. */
	public const OUTBOX = 'leadtrail_outbox';
	/** Callback orders (A10), the per-site lock row of their limit, and the captchas (A8). */
	public const CALLBACKS = 'leadtrail_callbacks';
	public const CALLBACK_LOCK = 'leadtrail_callback_lock';
	public const CAPTCHAS = 'leadtrail_captchas';
	/** Call tracking's numbers and which session held which pool number when. */
	public const NUMBERS = 'leadtrail_numbers';
	public const NUMBER_HOLDS = 'leadtrail_number_holds';
	/** Phone calls from the calls webhook and call-log imports, with their attribution. */
	public const PHONE_CALLS = 'leadtrail_phone_calls';
	/** Call logs uploaded for import, until imported. */
	public const CALL_IMPORTS = 'leadtrail_call_imports';
	/** The reports' aggregates per local day: by channel, landing page and event. */
	public const REPORT_CHANNELS = 'leadtrail_report_channels';
	public const REPORT_PAGES = 'leadtrail_report_pages';
	public const REPORT_EVENTS = 'leadtrail_report_events';
	/** Per local day: its visitors, by the day of each one's previous session (distinct visitors of a range). */
	public const REPORT_VISITORS = 'leadtrail_report_visitors';

	/** The online consultant: chats, their messages, and each operator's presence. */
	public const CHATS = 'leadtrail_chats';
	public const CHAT_MESSAGES = 'leadtrail_chat_messages';
	public const OPERATORS = 'leadtrail_operators';

	/** Every table, children first so they can be dropped in this order. */
	public const ALL = [
		self::REPORT_VISITORS,
		self::REPORT_EVENTS,
		self::REPORT_PAGES,
		self::REPORT_CHANNELS,
		self::OPERATORS,
		self::CHAT_MESSAGES,
		self::CHATS,
		self::CALL_IMPORTS,
		self::PHONE_CALLS,
		self::NUMBER_HOLDS,
		self::NUMBERS,
		self::CAPTCHAS,
		self::CALLBACK_LOCK,
		self::CALLBACKS,
		self::OUTBOX,
		self::RATE_LIMITS,
		self::REQUEST_CLAIMS,
		self::REQUESTS,
		self::REQUESTS_SEEN,
		self::PROPERTIES,
		self::CONTACTS,
		self::EVENTS,
		self::HITS,
		self::SESSIONS,
		self::VISITORS,
	];

	public static function name(\wpdb $wpdb, string $table): string
	{
		return $wpdb->prefix . $table;
	}

	/**
	 * Names every table on $wpdb, as wpdb::set_prefix() names WordPress's own ($wpdb->posts):
	 * $wpdb->leadtrail_visitors is "wp_leadtrail_visitors". Queries then read
	 * "FROM {$wpdb->leadtrail_visitors}", which WordPress's coding standards know for a table name.
	 * Called wherever a wpdb is made or its prefix changes (Plugin::boot(), switch_blog, the lean
	 * endpoint, migrations, uninstall.php); tests/phpstan/wpdb.stub declares the properties.
	 */
	public static function register(\wpdb $wpdb): void
	{
		foreach (self::ALL as $table) {
			$wpdb->$table = $wpdb->prefix . $table;
		}
	}
}
