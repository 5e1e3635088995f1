<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Identity\SiteKey;

/**
 * A validated hit body (docs/contracts.md, "Hit"). Nothing a visitor sends is
 * trusted: every field is checked, and the first bad one is refused with a
 * code that names it.
 */
final class HitRequest
{
	/** See JsonBody::MAX_BYTES. */
	public const MAX_BYTES = JsonBody::MAX_BYTES;
	private const MAX_URL = 2048;
	private const MAX_TITLE = 512;
	/** Far above a real token ("<id>." + 43 characters), yet small enough to refuse junk early. */
	public const MAX_TOKEN = 128;

	private function __construct(
		public readonly string $siteKey,
		public readonly string $url,
		public readonly string $referrer,
		public readonly string $title,
		public readonly ?int $visitorId,
		public readonly ?string $token,
	) {
	}

	/**
	 * Checks the HTTP method and size, then the body.
	 *
	 * @param int $declaredLength the Content-Length the client declared, 0 when unknown; a body
	 *                            declared too large may be passed unread as ""
	 */
	public static function fromHttp(string $method, string $body, int $declaredLength = 0): self
	{
		return self::fromBody(JsonBody::fromHttp($method, $body, $declaredLength));
	}

	public static function fromJson(string $body): self
	{
		return self::fromBody(JsonBody::fromJson($body));
	}

	/**
	 * @param array<string, mixed> $fields  the decoded JSON object
	 * @param list<string>         $notUtf8 names of fields whose raw bytes were not UTF-8
	 */
	public static function fromFields(array $fields, array $notUtf8 = []): self
	{
		return self::fromBody(JsonBody::fromFields($fields, $notUtf8));
	}

	public static function fromBody(JsonBody $body): self
	{
		$siteKey = $body->string('site_key', SiteKey::LENGTH);
		if (!SiteKey::isValid($siteKey)) {
			throw Refusal::invalid('site_key', 'site_key must be ' . SiteKey::RULE . '.');
		}

		$url = $body->string('url', self::MAX_URL);
		if (!self::isPageUrl($url)) {
			throw Refusal::invalid('url', 'url must be an absolute http(s) URL.');
		}

		$referrer = $body->string('referrer', self::MAX_URL);
		$title = $body->string('title', self::MAX_TITLE);

		$visitorId = $body->has('visitor_id') ? $body->positiveInt('visitor_id') : null;

		$token = null;
		if ($body->has('token')) {
			$token = $body->string('token', self::MAX_TOKEN);
			if ($token === '') {
				throw Refusal::invalid('token', 'token must not be empty.');
			}
		}

		// A returning visitor sends both; a new one neither.
		if ($visitorId !== null && $token === null) {
			throw Refusal::missing('token');
		}
		if ($token !== null && $visitorId === null) {
			throw Refusal::missing('visitor_id');
		}

		return new self($siteKey, $url, $referrer, $title, $visitorId, $token);
	}

	private static function isPageUrl(string $url): bool
	{
		// Whitespace and control characters never appear in a browser's location.href.
		if (preg_match('/[\x00-\x20\x7F]/', $url) === 1) {
			return false;
		}
		$parts = parse_url($url);
		return is_array($parts)
			&& in_array(strtolower($parts['scheme'] ?? ''), ['http', 'https'], true)
			&& ($parts['host'] ?? '') !== '';
	}
}
