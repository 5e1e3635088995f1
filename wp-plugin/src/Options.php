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

	public const MODE_SELF_HOSTED = 'self-hosted';
}
