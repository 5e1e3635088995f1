<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Support\Utf8;
use stdClass;

/**
 * A validated hit body (docs/contracts.md, "Hit"). Nothing a visitor sends is
 * trusted: every field is checked, and the first bad one is refused with a
 * code that names it.
 */
final class HitRequest
{
	/**
	 * Bodies up to this size are parsed, so that an over-long field is named in the
	 * refusal; larger ones are refused unread.
	 */
	public const MAX_BYTES = 1048576;
	private const MAX_URL = 2048;
	private const MAX_TITLE = 512;
	/** Far above a real token ("<id>." + 43 characters), yet small enough to refuse junk early. */
	private const MAX_TOKEN = 128;
	private const MAX_DEPTH = 16;

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
		if (strtoupper($method) !== 'POST') {
			throw new Refusal(405, 'method_not_allowed', 'method', 'Only POST is allowed.');
		}
		if (strlen($body) > self::MAX_BYTES || $declaredLength > self::MAX_BYTES) {
			throw new Refusal(413, 'payload_too_large', 'body', 'The body is larger than 1 MiB.');
		}
		return self::fromJson($body);
	}

	public static function fromJson(string $body): self
	{
		$notUtf8 = [];
		if (Utf8::isValid($body)) {
			$data = self::decode($body, 0);
		} else {
			// Decode twice, substituting and dropping the bad bytes: a field that comes
			// out differently held invalid UTF-8, so the refusal can name that field.
			$data = self::decode($body, JSON_INVALID_UTF8_SUBSTITUTE);
			$stripped = self::decode($body, JSON_INVALID_UTF8_IGNORE);
			foreach (get_object_vars($data) as $name => $value) {
				if (!property_exists($stripped, (string) $name) || $stripped->{$name} !== $value) {
					$notUtf8[] = (string) $name;
				}
			}
		}
		return self::fromFields(get_object_vars($data), $notUtf8);
	}

	/**
	 * @param array<string, mixed> $fields  the decoded JSON object
	 * @param list<string>         $notUtf8 names of fields whose raw bytes were not UTF-8
	 */
	public static function fromFields(array $fields, array $notUtf8 = []): self
	{
		$siteKey = self::string($fields, 'site_key', $notUtf8, 32);
		if (preg_match('/^[A-Za-z0-9]{32}$/', $siteKey) !== 1) {
			throw Refusal::invalid('site_key', 'site_key must be 32 letters and digits.');
		}

		$url = self::string($fields, 'url', $notUtf8, self::MAX_URL);
		if (!self::isPageUrl($url)) {
			throw Refusal::invalid('url', 'url must be an absolute http(s) URL.');
		}

		$referrer = self::string($fields, 'referrer', $notUtf8, self::MAX_URL);
		$title = self::string($fields, 'title', $notUtf8, self::MAX_TITLE);

		$visitorId = null;
		if (array_key_exists('visitor_id', $fields)) {
			$visitorId = $fields['visitor_id'];
			if (!is_int($visitorId) || $visitorId < 1) {
				throw Refusal::invalid('visitor_id', 'visitor_id must be a positive integer.');
			}
		}

		$token = null;
		if (array_key_exists('token', $fields)) {
			$token = self::string($fields, 'token', $notUtf8, self::MAX_TOKEN);
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

	private static function decode(string $body, int $flags): stdClass
	{
		try {
			$data = json_decode($body, false, self::MAX_DEPTH, $flags | JSON_THROW_ON_ERROR);
		} catch (\JsonException) {
			$data = null;
		}
		if (!$data instanceof stdClass) {
			throw new Refusal(400, 'invalid_json', 'body', 'The body must be a JSON object.');
		}
		return $data;
	}

	/**
	 * A required string field of at most $max characters of valid UTF-8.
	 *
	 * @param array<string, mixed> $fields
	 * @param list<string>         $notUtf8
	 */
	private static function string(array $fields, string $name, array $notUtf8, int $max): string
	{
		if (!array_key_exists($name, $fields)) {
			throw Refusal::missing($name);
		}
		$value = $fields[$name];
		if (!is_string($value)) {
			throw Refusal::invalid($name, $name . ' must be a string.');
		}
		if (in_array($name, $notUtf8, true) || !Utf8::isValid($value)) {
			throw Refusal::invalid($name, $name . ' must be valid UTF-8.');
		}
		// A string has at least as many bytes as characters: count only when it might be too long.
		if (strlen($value) > $max && Utf8::length($value) > $max) {
			throw Refusal::invalid($name, sprintf('%s must be at most %d characters.', $name, $max));
		}
		return $value;
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
