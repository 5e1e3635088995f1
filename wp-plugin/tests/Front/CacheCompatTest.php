<?php

declare(strict_types=1);

namespace LeadTrail\Front;

/**
 * WordPress's add_filter() as documented (a hook name, a callback, a priority, how many arguments),
 * recorded: the unit tests load no WordPress, and an unqualified call in this namespace lands here.
 */
function add_filter(string $hook, callable $callback, int $priority = 10, int $acceptedArgs = 1): bool
{
	\LeadTrail\Tests\Front\CacheCompatTest::$hooked[$hook][] = [$callback, $acceptedArgs];
	return true;
}

namespace LeadTrail\Tests\Front;

use LeadTrail\Front\CacheCompat;
use PHPUnit\Framework\TestCase;

/**
 * The cache and optimisation plugins' exclusions: the attributes our script tags carry and what
 * each plugin's exclusion filter gets (the rendered tags: test/e2e/cache-plugins.test.ts).
 */
final class CacheCompatTest extends TestCase
{
	private const BUILD = '/wp-content/plugins/leadtrail/assets/build/';

	/** @var array<string, list<array{callable, int}>> */
	public static array $hooked = [];

	protected function setUp(): void
	{
		self::$hooked = [];
	}

	/** @return array<string, array{string}> */
	public static function tagAttributes(): array
	{
		return [
			'Cloudflare Rocket Loader' => ['data-cfasync="false"'],
			'LiteSpeed Cache (optimize)' => ['data-no-optimize="1"'],
			'LiteSpeed Cache (defer, delay)' => ['data-no-defer="1"'],
			'W3 Total Cache and WP Rocket minify' => ['data-no-minify="1"'],
			'WP Rocket Delay JavaScript' => ['nowprocket'],
		];
	}

	/** @dataProvider tagAttributes */
	public function testTheTagsCarryEachPluginsAttribute(string $attribute): void
	{
		self::assertContains($attribute, explode(' ', CacheCompat::TAG_ATTRIBUTES));
	}

	/** @return array<string, array{string, list<string>}> */
	public static function filters(): array
	{
		$files = self::BUILD . '(.*).js';
		$inline = ['setCsAccount', 'leadtrail-runtime'];
		return [
			'WP Rocket minify/combine' => ['rocket_exclude_js', [$files]],
			'WP Rocket defer' => ['rocket_exclude_defer_js', [$files]],
			'WP Rocket Delay JavaScript' => ['rocket_delay_js_exclusions', ['leadtrail-embed', 'leadtrail-runtime', 'leadtrail-consent-loader', 'leadtrail-cloud-loader', 'leadtrail-cloud-fields', self::BUILD]],
			'WP Rocket inline combine' => ['rocket_excluded_inline_js_content', $inline],
			'LiteSpeed optimize' => ['litespeed_optimize_js_excludes', [self::BUILD, ...$inline]],
			'LiteSpeed defer' => ['litespeed_optm_js_defer_exc', [self::BUILD, ...$inline]],
			'SiteGround combine' => ['sgo_javascript_combine_exclude', ['leadtrail-runtime']],
			'SiteGround minify' => ['sgo_js_minify_exclude', ['leadtrail-runtime']],
			'SiteGround async' => ['sgo_js_async_exclude', ['leadtrail-runtime']],
			'SiteGround inline combine' => ['sgo_javascript_combine_excluded_inline_content', $inline],
			'WP-Optimize minify' => ['wp-optimize-minify-default-exclusions', [self::BUILD]],
		];
	}

	/**
	 * @dataProvider filters
	 * @param list<string> $ours
	 */
	public function testEachListFilterGetsOursAddedOnceToThePluginsOwn(string $filter, array $ours): void
	{
		CacheCompat::register(self::BUILD);
		self::assertCount(1, self::$hooked[$filter] ?? []);
		$callback = self::$hooked[$filter][0][0];

		$theirs = ['/wp-includes/js/jquery/jquery.min.js'];
		self::assertSame([...$theirs, ...$ours], $callback($theirs));
		self::assertSame([...$theirs, ...$ours], $callback($callback($theirs)));
		// A plugin that passed nothing usable still gets ours; a list holding a non-string is kept as it is.
		self::assertSame($ours, $callback(null));
		self::assertSame([['x'], ...$ours], $callback([['x']]));
	}

	public function testAutoptimizeGetsACommaSeparatedString(): void
	{
		CacheCompat::register(self::BUILD);
		$callback = self::$hooked['autoptimize_filter_js_exclude'][0][0];

		$expected = 'wp-includes/js/dist/, js/jquery/jquery.js, ' . self::BUILD . ', setCsAccount, leadtrail-runtime';
		self::assertSame($expected, $callback('wp-includes/js/dist/, js/jquery/jquery.js'));
		self::assertSame($expected, $callback($callback('wp-includes/js/dist/,js/jquery/jquery.js,')));
		self::assertSame(self::BUILD . ', setCsAccount, leadtrail-runtime', $callback(''));
	}

	public function testW3TotalCacheMinifiesEveryTagButOurs(): void
	{
		CacheCompat::register(self::BUILD);
		[$callback, $args] = self::$hooked['w3tc_minify_js_do_tag_minification'][0];
		self::assertSame(3, $args);

		$runtime = '<script ' . CacheCompat::TAG_ATTRIBUTES . ' defer id="leadtrail-runtime" src="https://shop.example' . self::BUILD . 'leadtrail.js?ver=1"></script>';
		self::assertFalse($callback(true, $runtime, 'wp-content/plugins/leadtrail/assets/build/leadtrail.js'));
		self::assertFalse($callback(true, '<script id="leadtrail-embed">var __cs = __cs || [];</script>', ''));
		// Cloud mode's loader of the vendor's runtime, from the vendor's host.
		self::assertFalse($callback(true, '<script async id="leadtrail-cloud-loader" src="https://app.comagic.ru/static/cs.min.js"></script>', 'https://app.comagic.ru/static/cs.min.js'));
		self::assertTrue($callback(true, '<script src="/wp-includes/js/jquery/jquery.min.js"></script>', 'wp-includes/js/jquery/jquery.min.js'));
		// What W3 Total Cache had already decided against stays so.
		self::assertFalse($callback(false, '<script src="/theme.js"></script>', 'theme.js'));
	}

	public function testEveryFilterIsHookedOnce(): void
	{
		CacheCompat::register(self::BUILD);
		self::assertSame(
			[...array_keys(CacheCompat::exclusions(self::BUILD)), 'w3tc_minify_js_do_tag_minification'],
			array_keys(self::$hooked)
		);
		foreach (self::$hooked as $hooks) {
			self::assertCount(1, $hooks);
		}
	}
}
