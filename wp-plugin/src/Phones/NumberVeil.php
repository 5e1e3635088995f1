<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

/**
 * Keeps the old number from being painted on a site with numbers: an inline script at
 * the top of <head> adds a style that hides the elements known to show a number (the
 * vendor's marked elements and tel: links) until the replacement chunk has replaced
 * them and removes it, or for at most TIMEOUT_MS when it never does (the hit failed,
 * the visitor has not consented yet). visibility, not display: the hidden elements keep
 * their box, so showing them shifts no layout.
 *
 * A script, not a <style> in the page: without JavaScript nothing would ever show them.
 * A number in plain text cannot be told from other text before the chunk reads it, and
 * stays visible.
 */
final class NumberVeil
{
	/** The style's id, which leadtrail-phones.js removes once it has replaced the numbers. */
	public const STYLE_ID = 'leadtrail-phones-hide';
	public const TIMEOUT_MS = 1500;
	private const SELECTOR = '#comagic_phone,.comagic_phone,[name=comagic_phone],.call_phone_1,.call_phone_2,.call_phone_3,.call_phone_4,.call_phone_5,a[href^="tel:" i]';

	/** The inline script for the embed, '' for a site without numbers (nothing is hidden there). */
	public static function script(bool $siteHasNumbers): string
	{
		if (!$siteHasNumbers) {
			return '';
		}
		// Fixed text of this class's own: nothing in it comes from the settings.
		return "(function(d){var s=d.createElement('style');s.id='" . self::STYLE_ID . "';"
			. "s.textContent='" . self::SELECTOR . "{visibility:hidden!important}';"
			. 'd.head.appendChild(s);setTimeout(function(){s.remove()},' . self::TIMEOUT_MS . ')})(document);';
	}
}
