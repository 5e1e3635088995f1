<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * The options of call tracking's calls (docs/contracts.md, "Options").
 */
final class CallOptions
{
	/** The calls webhook's secret token, 48 letters and digits. */
	public const TOKEN = 'leadtrail_calls_token';
	/** 1: e-mail a notice of each missed call (off by default). */
	public const NOTIFY_MISSED = 'leadtrail_calls_notify_missed';
	/** Where missed-call notices go; "" for the site admin. */
	public const NOTIFY_EMAIL = 'leadtrail_calls_notify_email';
}
