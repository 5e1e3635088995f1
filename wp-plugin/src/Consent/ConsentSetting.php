<?php

declare(strict_types=1);

namespace LeadTrail\Consent;

use LeadTrail\Options;

/**
 * The "Wait for consent" setting as the rest of the plugin sees it, and the
 * plugin's declaration to the WP Consent API that it asks before it tracks.
 */
final class ConsentSetting
{
	public static function waits(): bool
	{
		return (string) get_option(Options::WAIT_FOR_CONSENT, '0') === '1';
	}

	/** The WP Consent API's PHP side is loaded (a consent banner plugin may also bring only the JS). */
	public static function apiActive(): bool
	{
		return function_exists('wp_has_consent');
	}

	/** The API lists plugins that follow it; LeadTrail does only while the setting is on. */
	public static function declareToConsentApi(): void
	{
		if (self::waits()) {
			add_filter('wp_consent_api_registered_' . plugin_basename(LEADTRAIL_FILE), '__return_true');
		}
	}
}
