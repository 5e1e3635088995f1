<?php

declare(strict_types=1);

namespace LeadTrail\Traffic;

use LeadTrail\Support\Utf8;

/**
 * Attributes a hit: UTM tags first (the site owner's own naming), else a paid click id (gclid,
 * msclkid, yclid: paid search; fbclid: Facebook), else an external referrer, else Yandex's search
 * marker (ysclid: organic search from Yandex, whose referrer browsers often drop), else direct.
 */
final class SourceDetector
{
	public const DIRECT_SOURCE = '(direct)';
	public const DIRECT_MEDIUM = '(none)';
	public const NOT_SET = '(not set)';

	/** A referrer host on one of these engines is organic search, any other is a referral. */
	private const SEARCH_ENGINES = ['google', 'yandex', 'bing', 'duckduckgo', 'yahoo'];
	private const SEARCH_DOMAINS = ['mail.ru'];

	private readonly string $siteHost;

	/** @param string $homeUrl the site's home URL, whose host is internal */
	public function __construct(string $homeUrl)
	{
		$this->siteHost = self::host($homeUrl);
	}

	public function detect(string $url, string $referrer): TrafficSource
	{
		$utm = Utm::fromUrl($url);
		$click = ClickId::fromUrl($url);
		if (!$utm->isEmpty()) {
			return new TrafficSource(
				$utm->source !== '' ? $utm->source : self::NOT_SET,
				$utm->medium !== '' ? $utm->medium : self::NOT_SET,
				$utm->campaign,
				$utm->term,
				$utm->content,
				$utm,
				true,
				$click,
			);
		}
		if ($click !== null && $click->isPaid()) {
			[$source, $medium] = $click->sourceAndMedium();
			return new TrafficSource($source, $medium, '', '', '', $utm, true, $click);
		}

		$host = self::host($referrer);
		// The page's own host counts as internal too, so a site reached under a second
		// name (or a misconfigured home URL) does not split sessions on every click.
		if ($host !== '' && $host !== $this->siteHost && $host !== self::host($url)) {
			return new TrafficSource(
				Utf8::truncate($host, Utm::MAX_LENGTH),
				self::isSearchEngine($host) ? 'organic' : 'referral',
				'',
				'',
				'',
				$utm,
				true,
				$click,
			);
		}
		if ($click !== null) {
			[$source, $medium] = $click->sourceAndMedium();
			return new TrafficSource($source, $medium, '', '', '', $utm, true, $click);
		}

		return new TrafficSource(self::DIRECT_SOURCE, self::DIRECT_MEDIUM, '', '', '', $utm, false);
	}

	/** Lower-case host without a leading "www.", or '' when $url has none. */
	private static function host(string $url): string
	{
		$host = parse_url($url, PHP_URL_HOST);
		if (!is_string($host) || $host === '') {
			return '';
		}
		$host = strtolower(rtrim($host, '.'));
		return str_starts_with($host, 'www.') ? substr($host, 4) : $host;
	}

	private static function isSearchEngine(string $host): bool
	{
		foreach (self::SEARCH_ENGINES as $engine) {
			// google.com, google.co.uk, news.google.com; not notgoogle.com.
			if (preg_match('/(^|\.)' . $engine . '\.[a-z.]+$/', $host) === 1) {
				return true;
			}
		}
		foreach (self::SEARCH_DOMAINS as $domain) {
			if ($host === $domain || str_ends_with($host, '.' . $domain)) {
				return true;
			}
		}
		return false;
	}
}
