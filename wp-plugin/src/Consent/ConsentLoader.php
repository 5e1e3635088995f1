<?php

declare(strict_types=1);

namespace LeadTrail\Consent;

/**
 * "Wait for consent" (docs/contracts.md, "Consent"): the inline script printed in
 * place of the runtime's <script> tag. It adds that tag only once the WP Consent
 * API says yes for the statistics category: at once, when a consent banner
 * reports a change (wp_listen_for_consent_change), or when the page has loaded
 * the banner's own script (a stored choice fires no event). Without the API
 * nothing loads. The runtime core is not touched: the __cs stub queues the
 * page's calls until the runtime arrives (R3).
 */
final class ConsentLoader
{
	public const CATEGORY = 'statistics';

	/** @param string $attributesJson the runtime tag's attributes as a JSON object, safe inside <script> */
	public static function script(string $attributesJson): string
	{
		$category = self::CATEGORY;
		return '(function(d,w){var a=' . $attributesJson . ',done=0;'
			. 'function go(e){if(done||!((e&&e.detail&&e.detail.' . $category . "==='allow')"
			. "||(typeof w.wp_has_consent==='function'&&w.wp_has_consent('" . $category . "'))))return;"
			. "done=1;var s=d.createElement('script');for(var k in a)s.setAttribute(k,a[k]);d.head.appendChild(s)}"
			. "go();d.addEventListener('wp_listen_for_consent_change',go);d.addEventListener('DOMContentLoaded',go);w.addEventListener('load',go)"
			. '})(document,window);';
	}
}
