<?php

declare(strict_types=1);

namespace LeadTrail\Health;

use LeadTrail\Options;

/**
 * Reads the front page as a visitor gets it (a loopback request, never on a
 * visitor's page view) and looks for the vendor's embed code there. The report
 * is kept in a transient: Site Health and the settings page show it, and only
 * an old or missing report, or "Check again", reads the page anew.
 */
final class VendorEmbedCheck
{
	public const TRANSIENT = 'leadtrail_vendor_embed';
	private const KEEP_SECONDS = 12 * HOUR_IN_SECONDS;
	/** A page that could not be read is tried again sooner. */
	private const KEEP_ERROR_SECONDS = HOUR_IN_SECONDS;
	private const TIMEOUT_SECONDS = 10;

	/** Only the self-hosted mode runs our runtime; in cloud mode the vendor's code is the point. */
	public static function applies(): bool
	{
		return get_option(Options::MODE, Options::MODE_SELF_HOSTED) === Options::MODE_SELF_HOSTED;
	}

	/** The kept report, or a new one when there is none. */
	public static function report(): VendorEmbedReport
	{
		return VendorEmbedReport::fromArray(get_transient(self::TRANSIENT)) ?? self::run();
	}

	/** Reads the front page now and keeps the report. */
	public static function run(): VendorEmbedReport
	{
		$report = self::check();
		set_transient(self::TRANSIENT, $report->toArray(), $report->error === null ? self::KEEP_SECONDS : self::KEEP_ERROR_SECONDS);
		return $report;
	}

	/** Drops the kept report: the theme, the plugins or the mode changed. */
	public static function forget(): void
	{
		delete_transient(self::TRANSIENT);
	}

	private static function check(): VendorEmbedReport
	{
		$response = wp_remote_get(add_query_arg('leadtrail_embed_check', (string) time(), home_url('/')), [
			'timeout' => self::TIMEOUT_SECONDS,
			'redirection' => 3,
			// WordPress's own loopback checks do the same: a local certificate need not verify.
			'sslverify' => apply_filters('https_local_ssl_verify', false),
			'headers' => ['Cache-Control' => 'no-cache'],
		]);
		if (is_wp_error($response)) {
			return new VendorEmbedReport(time(), [], $response->get_error_message());
		}
		$status = (int) wp_remote_retrieve_response_code($response);
		if ($status !== 200) {
			/* translators: %d: HTTP status code */
			return new VendorEmbedReport(time(), [], sprintf(__('the front page answered with HTTP status %d.', 'leadtrail'), $status));
		}
		$snippets = VendorEmbedScan::snippets(wp_remote_retrieve_body($response), (string) get_option(Options::SITE_KEY, ''));
		global $wpdb;
		$sources = new EmbedSources($wpdb);
		$found = array_map(static fn (VendorSnippet $snippet): array => [
			'code' => $snippet->code,
			'key' => $snippet->key,
			'places' => $sources->find($snippet->needle),
		], $snippets);
		return new VendorEmbedReport(time(), $found, null);
	}
}
