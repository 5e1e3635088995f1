<?php

declare(strict_types=1);

namespace LeadTrail;

/**
 * The plugin's option names (docs/contracts.md, "Options").
 */
final class Options
{
	public const SITE_KEY = 'leadtrail_site_key';
	public const SECRET = 'leadtrail_secret';
	public const MODE = 'leadtrail_mode';
	public const IDLE_MINUTES = 'leadtrail_session_idle_minutes';
	public const SPLIT_MIDNIGHT = 'leadtrail_session_split_midnight';
	public const SPLIT_SOURCE = 'leadtrail_session_split_source';
	public const DB_VERSION = 'leadtrail_db_version';
	public const TEST_CLOCK_OFFSET = 'leadtrail_test_clock_offset';
	public const ACTIVATION_NOTICE = 'leadtrail_activation_notice';
	/** The employee groups of lead requests, a JSON list (docs/contracts.md, "Employee groups"). */
	public const REQUEST_GROUPS = 'leadtrail_request_groups';
	/** 1: e-mail the site admin for each new request. */
	public const NOTIFY_ADMIN = 'leadtrail_notify_admin';
	/** Reverse proxies whose X-Forwarded-For is believed: addresses and CIDR ranges, comma-separated. */
	public const TRUSTED_PROXIES = 'leadtrail_trusted_proxies';
	/** Test mode only: the rate limit of lead requests instead of 10. */
	public const TEST_REQUEST_LIMIT = 'leadtrail_test_request_limit';

	public const MODE_SELF_HOSTED = 'self-hosted';
}
