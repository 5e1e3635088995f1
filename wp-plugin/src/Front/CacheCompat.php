<?php

declare(strict_types=1);

namespace LeadTrail\Front;

/**
 * Keeps the embed code and the runtime out of the cache and optimisation plugins' reach: combined,
 * deferred, delayed until a click, or minified, the `__cs` stub no longer runs before the page's own
 * `__cs.push` calls and the runtime counts the page view late or never. Each plugin's own documented
 * exclusion is used; all of them are no-ops on a site without that plugin. Sources: docs/contracts.md,
 * "Cache and optimisation plugins".
 */
final class CacheCompat
{
	/**
	 * On each of our script tags, before `src` (Cloudflare reads data-cfasync only there):
	 * Rocket Loader `data-cfasync="false"`, LiteSpeed Cache `data-no-optimize` and `data-no-defer`,
	 * W3 Total Cache and WP Rocket's minifier `data-no-minify`, WP Rocket's Delay JavaScript `nowprocket`.
	 */
	public const TAG_ATTRIBUTES = 'data-cfasync="false" data-no-optimize="1" data-no-defer="1" data-no-minify="1" nowprocket';

	/** What the inline scripts contain: the embed stub, and the consent loader (which names the runtime's tag). */
	private const INLINE = ['setCsAccount', 'leadtrail-runtime'];
	/** The ids of our script tags, matched in the whole tag by the plugins that look at it. */
	private const TAG_IDS = ['leadtrail-embed', 'leadtrail-runtime', 'leadtrail-consent-loader', 'leadtrail-cloud-loader', 'leadtrail-cloud-fields'];

	/**
	 * Each plugin's exclusion filter and what LeadTrail adds to it.
	 *
	 * @param string $build the URL path of the plugin's built scripts, such as /wp-content/plugins/leadtrail/assets/build/
	 * @return array<string, list<string>>
	 */
	public static function exclusions(string $build): array
	{
		$files = $build . '(.*).js';
		return [
			// WP Rocket: minify/combine, defer and Delay JavaScript (files as path patterns; delay
			// patterns are matched against the whole tag) and inline scripts kept out of the combined file.
			'rocket_exclude_js' => [$files],
			'rocket_exclude_defer_js' => [$files],
			'rocket_delay_js_exclusions' => [...self::TAG_IDS, $build],
			'rocket_excluded_inline_js_content' => self::INLINE,
			// LiteSpeed Cache: JS combine/minify and defer/delay (URL or inline-content fragments).
			'litespeed_optimize_js_excludes' => [$build, ...self::INLINE],
			'litespeed_optm_js_defer_exc' => [$build, ...self::INLINE],
			// Autoptimize: a comma-separated string of src or inline-code fragments.
			'autoptimize_filter_js_exclude' => [$build, ...self::INLINE],
			// SiteGround Optimizer: combine, minify and async by script handle; inline code by fragment.
			'sgo_javascript_combine_exclude' => ['leadtrail-runtime'],
			'sgo_js_minify_exclude' => ['leadtrail-runtime'],
			'sgo_js_async_exclude' => ['leadtrail-runtime'],
			'sgo_javascript_combine_excluded_inline_content' => self::INLINE,
			// WP-Optimize: its minify's exclusions, URL fragments.
			'wp-optimize-minify-default-exclusions' => [$build],
		];
	}

	/** Hooks every exclusion in; $build as for exclusions(). */
	public static function register(string $build): void
	{
		foreach (self::exclusions($build) as $filter => $ours) {
			add_filter($filter, static fn (mixed $list): array|string => self::append($list, $ours));
		}
		// W3 Total Cache asks per tag whether to minify it.
		add_filter('w3tc_minify_js_do_tag_minification', static fn (mixed $minify, mixed $tag = '', mixed $file = ''): bool => (bool) $minify && !self::isOurs((string) $tag . ' ' . (string) $file, $build), 10, 3);
	}

	/**
	 * $list with $ours added once: a list stays a list; a string (Autoptimize's) stays a
	 * comma-separated string; anything else (a plugin that passed nothing) becomes $ours.
	 *
	 * @param list<string> $ours
	 * @return list<string>|string
	 */
	public static function append(mixed $list, array $ours): array|string
	{
		if (is_string($list)) {
			$items = array_filter(array_map('trim', explode(',', $list)), static fn (string $item): bool => $item !== '');
			return implode(', ', array_values(array_unique([...$items, ...$ours])));
		}
		if (!is_array($list)) {
			return $ours;
		}
		$out = array_values($list);
		foreach ($ours as $item) {
			if (!in_array($item, $out, true)) {
				$out[] = $item;
			}
		}
		return $out;
	}

	/** Whether a script tag (or its file) is one of ours. */
	public static function isOurs(string $tagOrFile, string $build): bool
	{
		foreach ([...self::TAG_IDS, $build] as $mark) {
			if (str_contains($tagOrFile, $mark)) {
				return true;
			}
		}
		return false;
	}
}
