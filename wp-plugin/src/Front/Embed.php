<?php

declare(strict_types=1);

namespace LeadTrail\Front;

use LeadTrail\Options;
use LeadTrail\Routes\HitRoute;

/**
 * Prints the embed code (docs/contracts.md, "Embed code") at the top of <head>,
 * so the page's own __cs.push calls further down find the queue.
 */
final class Embed
{
	public function print(): void
	{
		$key = (string) get_option(Options::SITE_KEY, '');
		if ($key === '' || get_option(Options::MODE, Options::MODE_SELF_HOSTED) !== Options::MODE_SELF_HOSTED) {
			return;
		}

		$base = plugins_url('', LEADTRAIL_FILE);
		$rest = rest_url(HitRoute::NAMESPACE . '/');

		printf(
			'<script id="leadtrail-embed">var __cs = __cs || []; __cs.push(["setCsAccount", %s]);</script>' . "\n",
			wp_json_encode($key, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_QUOT | JSON_HEX_APOS)
		);
		printf(
			'<script defer id="leadtrail-runtime" src="%s" data-collect="%s" data-rest="%s" data-server="%s"></script>' . "\n",
			esc_url($base . '/assets/build/leadtrail.js?ver=' . LEADTRAIL_VERSION),
			esc_url($base . '/collect.php'),
			esc_url($rest),
			esc_url($rest)
		);
	}
}
