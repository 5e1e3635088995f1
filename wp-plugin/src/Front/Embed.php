<?php

declare(strict_types=1);

namespace LeadTrail\Front;

use LeadTrail\Cloud\CloudEmbed;
use LeadTrail\Cloud\CloudSettings;
use LeadTrail\Consent\ConsentLoader;
use LeadTrail\Consent\ConsentSetting;
use LeadTrail\I18n\WidgetTexts;
use LeadTrail\Options;
use LeadTrail\Phones\NumberVeil;
use LeadTrail\Phones\NumbersFlag;
use LeadTrail\Routes\HitRoute;

/**
 * Prints the embed code (docs/contracts.md, "Embed code") at the top of <head>,
 * so the page's own __cs.push calls further down find the queue.
 */
final class Embed
{
	public function print(): void
	{
		$base = plugins_url('', LEADTRAIL_FILE);
		$mode = get_option(Options::MODE, Options::MODE_SELF_HOSTED);
		if ($mode === Options::MODE_CLOUD) {
			// The vendor's embed code instead of ours (docs/contracts.md, "Cloud mode").
			(new CloudEmbed())->print(CloudSettings::load(), $base . '/assets/build/leadtrail-cloud-fields.js?ver=' . LEADTRAIL_VERSION);
			return;
		}
		$key = (string) get_option(Options::SITE_KEY, '');
		if ($key === '' || $mode !== Options::MODE_SELF_HOSTED) {
			return;
		}

		$rest = rest_url(HitRoute::NAMESPACE . '/');

		// Our tags are printed, not enqueued: the embed stub must come first in <head>, and the runtime's
		// tag carries data attributes and the cache plugins' exclusions (CacheCompat::TAG_ATTRIBUTES, a
		// constant). Every value in them is escaped for its place: URLs with esc_url(), JSON with the
		// JSON_HEX_* flags, attributes with esc_attr().
		// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped, WordPress.WP.EnqueuedResources.NonEnqueuedScript

		// The sitephone form's default mask (A9), pushed as a page would.
		$mask = \LeadTrail\Callbacks\PhoneMask::parse(get_option(Options::PHONE_MASK, '')) ?? '';
		$veil = NumberVeil::script(NumbersFlag::isSet());
		printf(
			'<script ' . CacheCompat::TAG_ATTRIBUTES . ' id="leadtrail-embed">var __cs = __cs || []; __cs.push(["setCsAccount", %s]);%s%s</script>' . "\n",
			wp_json_encode($key, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_QUOT | JSON_HEX_APOS),
			$mask === '' ? '' : ' __cs.push(["setUIPhoneMaskFormat", ' . wp_json_encode($mask, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_QUOT | JSON_HEX_APOS) . ']);',
			$veil === '' ? '' : ' ' . $veil
		);
		$runtime = [
			'src' => $base . '/assets/build/leadtrail.js?ver=' . LEADTRAIL_VERSION,
			'data-collect' => $base . '/collect.php',
			'data-rest' => $rest,
			// consultant_server_url: real folders whose index hands over to collect.php, so that
			// {server}api/add_offline_message/ and {server}vc/s/ answer 503 when the database is down.
			'data-server' => $base . '/server/',
		];
		// Checked origins only (FormOrigins): not a URL, so not through esc_url_raw below.
		$origins = FormOrigins::attribute((string) get_option(Options::FORM_ORIGINS, ''));
		$extra = $origins === '' ? [] : ['data-origins' => $origins];
		// The widgets' texts in the site's language where they differ from the bundled ones: JSON, for esc_attr().
		$texts = WidgetTexts::attribute();
		$extra += $texts === '' ? [] : ['data-texts' => $texts];
		// Read by its presence: the runtime then counts the page views of a single-page app.
		$spa = (int) get_option(Options::SPA_PAGE_VIEWS, 0) === 1 ? ['data-spa' => '1'] : [];
		if (ConsentSetting::waits()) {
			// The same tag, added by the loader once the visitor allows statistics.
			printf(
				'<script ' . CacheCompat::TAG_ATTRIBUTES . ' id="leadtrail-consent-loader">%s</script>' . "\n",
				ConsentLoader::script((string) wp_json_encode(
					['id' => 'leadtrail-runtime'] + array_map('esc_url_raw', $runtime) + $extra + $spa,
					JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_QUOT | JSON_HEX_APOS | JSON_UNESCAPED_SLASHES
				))
			);
			return;
		}
		printf(
			'<script ' . CacheCompat::TAG_ATTRIBUTES . ' defer id="leadtrail-runtime" src="%s" data-collect="%s" data-rest="%s" data-server="%s"%s%s%s></script>' . "\n",
			esc_url($runtime['src']),
			esc_url($runtime['data-collect']),
			esc_url($runtime['data-rest']),
			esc_url($runtime['data-server']),
			$origins === '' ? '' : ' data-origins="' . esc_attr($origins) . '"',
			$spa ? ' data-spa="1"' : '',
			$texts === '' ? '' : ' data-texts="' . esc_attr($texts) . '"'
		);
		// phpcs:enable WordPress.Security.EscapeOutput.OutputNotEscaped, WordPress.WP.EnqueuedResources.NonEnqueuedScript
	}
}
