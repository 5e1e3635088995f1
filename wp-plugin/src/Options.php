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
	/** Page-view hits, and new visitors, one client address may make in 10 minutes (docs/contracts.md, "Hit"). */
	public const HIT_CEILING = 'leadtrail_hit_ceiling';
	public const VISITOR_CEILING = 'leadtrail_visitor_ceiling';
	/** Origins besides the site's whose forms get the hidden credential fields, one per line (docs/contracts.md, "Embed code"). */
	public const FORM_ORIGINS = 'leadtrail_form_origins';
	/** Test mode only: the rate limit of lead requests instead of 10. */
	public const TEST_REQUEST_LIMIT = 'leadtrail_test_request_limit';
	/** Test mode only: single notice mails a minute instead of NoticeDigest::PER_MINUTE (a test suite's files share one site). */
	public const TEST_NOTICE_BUDGET = 'leadtrail_test_notice_budget';
	/** Test mode only: '1' makes collect.php keep each new captcha's answer as an option, as the test hook does under WordPress. */
	public const TEST_CAPTCHA_ANSWERS = 'leadtrail_test_captcha_answers';

	/** Cloud mode: the vendor's 32-character site key for its embed code. */
	public const CLOUD_SITE_KEY = 'leadtrail_cloud_site_key';
	/** Cloud mode: the vendor's loader script, "//app.comagic.ru/static/cs.min.js". */
	public const CLOUD_LOADER = 'leadtrail_cloud_loader';
	/** Cloud mode: the hosts leads may be forwarded to, one pattern per line ("*.comagic.ru"). */
	public const CLOUD_HOSTS = 'leadtrail_cloud_hosts';
	/** 1: capture WordPress comments as requests (off by default). */
	public const CAPTURE_COMMENTS = 'leadtrail_capture_comments';
	/** Per-form field mapping overrides, one form per line (docs/contracts.md, "Mapping"). */
	public const CAPTURE_MAPPING = 'leadtrail_capture_mapping';
	/** Test mode only: origins such as http://127.0.0.1:8123 that leads may be forwarded to. */
	public const TEST_FORWARD_ORIGINS = 'leadtrail_test_forward_origins';
	/** Test mode only: the forwarding timeout in seconds instead of 15. */
	public const TEST_FORWARD_TIMEOUT = 'leadtrail_test_forward_timeout';
	/** Callbacks (A7-A10): "Callback scenario set up" and "Captcha on the callback form", 1 unless saved as 0. */
	public const CALLBACK_ENABLED = 'leadtrail_callback_enabled';
	public const CALLBACK_CAPTCHA = 'leadtrail_callback_captcha';
	/** The sitephone form's default phone mask (A9), "" for none. */
	public const PHONE_MASK = 'leadtrail_phone_mask';
	/** Where callback notices go when the order's group has no e-mail; "" for the site admin. */
	public const CALLBACK_NOTIFY_EMAIL = 'leadtrail_callback_notify_email';
	/** Days to keep hits, events and sessions; 0 keeps them forever (docs/contracts.md, "Retention"). */
	public const RETENTION_DAYS = 'leadtrail_retention_days';
	/** 1: load the runtime only once the WP Consent API allows "statistics" (docs/contracts.md, "Consent"). */
	public const WAIT_FOR_CONSENT = 'leadtrail_wait_for_consent';
	/** 1: count a page view whenever a single-page app changes its address (the embed's `data-spa`). */
	public const SPA_PAGE_VIEWS = 'leadtrail_spa_page_views';

	/** The Phone numbers screen's settings, JSON (docs/contracts.md, "Phone numbers"); read by every hit. */
	public const PHONE_NUMBERS = 'leadtrail_phone_numbers';
	/** '1' when PHONE_NUMBERS has numbers, '0' when not (Phones\NumbersFlag); autoloaded, read by every page. */
	public const HAS_PHONE_NUMBERS = 'leadtrail_has_phone_numbers';
	/** Test mode only: milliseconds a hit that took a pool number waits before its COMMIT, so that tests can make hits race. */
	public const TEST_NUMBER_TAKE_PAUSE = 'leadtrail_test_number_take_pause';

	/** Until when (unix seconds) an operator is available: the latest presence among the operators, read by every hit. */
	public const CHAT_AVAILABLE_UNTIL = 'leadtrail_chat_available_until';
	/** Seconds a chat waits for an operator before the visitor is offered the request form (default 60). */
	public const CHAT_NO_ANSWER_SECONDS = 'leadtrail_chat_no_answer_seconds';

	public const MODE_SELF_HOSTED = 'self-hosted';
	public const MODE_CLOUD = 'cloud';
}
