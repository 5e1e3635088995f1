<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

use LeadTrail\Front\CacheCompat;

/**
 * Cloud mode's embed code (F4; docs/contracts.md, "Cloud mode"): the vendor's queue with its site
 * key, the vendor's loader (async), and our small script that copies the vendor runtime's
 * Comagic.getCredentials() into the page's forms as the hidden fields, so the plugin's capture
 * can forward each lead to the vendor.
 */
final class CloudEmbed
{
	public function print(CloudSettings $settings, string $fieldsScript): void
	{
		if ($settings->siteKey === '' || CloudSettings::loaderRefusal($settings->loader, $settings->policy) !== null) {
			return;
		}
		// The vendor's embed code, as it documents it: printed in the head before any queued script,
		// with the cache plugins' exclusions (CacheCompat::TAG_ATTRIBUTES, a constant); values escaped.
		// phpcs:disable WordPress.WP.EnqueuedResources.NonEnqueuedScript, WordPress.Security.EscapeOutput.OutputNotEscaped
		printf(
			'<script ' . CacheCompat::TAG_ATTRIBUTES . ' id="leadtrail-embed">var __cs = __cs || []; __cs.push(["setCsAccount", %s]);</script>' . "\n",
			wp_json_encode($settings->siteKey, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_QUOT | JSON_HEX_APOS)
		);
		printf(
			'<script ' . CacheCompat::TAG_ATTRIBUTES . ' async id="leadtrail-cloud-loader" src="%s"></script>' . "\n",
			esc_url($settings->loader, ['http', 'https'])
		);
		printf('<script ' . CacheCompat::TAG_ATTRIBUTES . ' defer id="leadtrail-cloud-fields" src="%s"></script>' . "\n", esc_url($fieldsScript));
		// phpcs:enable WordPress.WP.EnqueuedResources.NonEnqueuedScript, WordPress.Security.EscapeOutput.OutputNotEscaped
	}
}
