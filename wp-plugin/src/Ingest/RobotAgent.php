<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * Whether a User-Agent is a well-known crawler or a headless browser: these run
 * the page's scripts but are not people, so their page views make no visitor.
 *
 * A list of names rather than "bot" anywhere, which would also match phones
 * such as the Cubot.
 */
final class RobotAgent
{
	private const PATTERN = '/googlebot|google-inspectiontool|adsbot-google|mediapartners-google|storebot-google'
		. '|bingbot|bingpreview|msnbot|yandex(?:bot|images|mobilebot|metrika|accessibilitybot|renderresourcesbot)'
		. '|baiduspider|duckduckbot|yahoo! slurp|applebot|facebookexternalhit|facebot|twitterbot|linkedinbot'
		. '|petalbot|seznambot|sogou|exabot|mj12bot|ahrefsbot|semrushbot|dotbot|bytespider|amazonbot'
		. '|gptbot|chatgpt-user|oai-searchbot|claudebot|ccbot|perplexitybot'
		. '|headlesschrome|phantomjs|slimerjs|chrome-lighthouse|pingdom|uptimerobot/i';

	public static function matches(string $userAgent): bool
	{
		return preg_match(self::PATTERN, $userAgent) === 1;
	}
}
