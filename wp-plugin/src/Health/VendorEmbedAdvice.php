<?php

declare(strict_types=1);

namespace LeadTrail\Health;

/**
 * What the owner reads about a report, as HTML with every value escaped: the
 * settings page and Site Health show the same text.
 */
final class VendorEmbedAdvice
{
	public static function title(VendorEmbedReport $report): string
	{
		if ($report->error !== null) {
			return __('LeadTrail could not check the front page for CoMagic’s own embed code', 'leadtrail');
		}
		return $report->found === []
			? __('The front page has no CoMagic embed code besides LeadTrail’s', 'leadtrail')
			: __('The front page still prints CoMagic’s own embed code', 'leadtrail');
	}

	public static function html(VendorEmbedReport $report): string
	{
		if ($report->error !== null) {
			return '<p>' . esc_html(sprintf(
				/* translators: %s: why the page could not be read */
				__('Reading the front page failed: %s Check again later; a site that cannot request its own pages also fails WordPress’s loopback test.', 'leadtrail'),
				$report->error
			)) . '</p>';
		}
		if ($report->found === []) {
			return '<p>' . esc_html__('Only LeadTrail sets a site key on the front page, and no script of CoMagic’s is loaded there.', 'leadtrail') . '</p>';
		}
		$html = '<p>' . esc_html__('LeadTrail keeps using this site’s own key and keeps working, but the vendor’s code also runs: it loads CoMagic’s script, counts visits in the CoMagic account and can show its widgets. Remove this code from the site:', 'leadtrail') . '</p>';
		foreach ($report->found as $snippet) {
			$html .= '<pre class="leadtrail-vendor-snippet" style="white-space: pre-wrap; max-width: 60em;"><code>' . esc_html($snippet['code']) . '</code></pre>';
			$html .= self::places($snippet['places']);
		}
		return $html;
	}

	/** @param list<string> $places */
	private static function places(array $places): string
	{
		if ($places === []) {
			return '<p>' . esc_html__('Where it comes from was not found automatically: look in the theme’s header and footer templates, in the theme’s settings for extra code, and in plugins that add code to every page.', 'leadtrail') . '</p>';
		}
		$items = implode('', array_map(static fn (string $place): string => '<li>' . esc_html($place) . '</li>', $places));
		return '<p>' . esc_html__('It is likely in:', 'leadtrail') . '</p><ul class="ul-disc">' . $items . '</ul>';
	}
}
