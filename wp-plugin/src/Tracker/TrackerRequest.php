<?php

declare(strict_types=1);

namespace LeadTrail\Tracker;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Contacts\PhoneNumber;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Identity\SiteKey;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Support\Utf8;

/**
 * A validated `GET {server}vc/s/` query (A15, F3; docs/contracts.md, "Tracker
 * endpoint"): the server-side or no-JS way to tell a visitor's name, phone and
 * e-mail. Checked in the order sk (or k), ci, hi, vn, vp, ve, ur; refusals name
 * the parameter as it appears in the query.
 */
final class TrackerRequest
{
	private const MAX_PAGE = 2048;
	private const FIELDS = ['name' => 'vn', 'phone' => 'vp', 'email' => 've'];

	private function __construct(
		public readonly string $siteKey,
		/** "sk" or "k": the parameter that carried the key, named in a refusal of the key. */
		public readonly string $siteKeyField,
		public readonly int $visitorId,
		public readonly int $sessionId,
		public readonly ?int $hitId,
		public readonly VisitorInfo $info,
		public readonly ?string $page,
		/** s=1: answer only `{"success": true}`. */
		public readonly bool $short,
	) {
	}

	/**
	 * @param string               $method the HTTP method
	 * @param array<string, mixed> $query  the unslashed query parameters (strings, or arrays for `x[]=`)
	 */
	public static function fromHttp(string $method, array $query): self
	{
		if (!in_array(strtoupper($method), ['GET', 'HEAD'], true)) {
			throw new Refusal(405, 'method_not_allowed', 'method', 'Only GET is allowed.');
		}
		return self::fromQuery($query);
	}

	/** @param array<string, mixed> $query */
	public static function fromQuery(array $query): self
	{
		// F3: the documentation names the key "k", its example "sk"; "sk" wins when both come.
		$keyField = array_key_exists('sk', $query) || !array_key_exists('k', $query) ? 'sk' : 'k';
		$siteKey = self::required($query, $keyField, SiteKey::LENGTH);
		if (!SiteKey::isValid($siteKey)) {
			throw Refusal::invalid($keyField, $keyField . ' must be the site key, ' . SiteKey::RULE . '.');
		}

		$comagicId = self::required($query, 'ci', 64);
		if (preg_match('/^([0-9]{1,19})\.([0-9]{1,19})\.[0-9]{1,19}$/', $comagicId, $ids) !== 1
			|| ($visitorId = self::positiveInt($ids[1])) === null
			|| ($sessionId = self::positiveInt($ids[2])) === null) {
			throw Refusal::invalid('ci', 'ci must be the comagic_id "<visitor_id>.<session_id>.<unix seconds>".');
		}

		$hitId = null;
		$hit = self::optional($query, 'hi', 32);
		if ($hit !== null && $hit !== '') {
			$hitId = preg_match('/^[0-9]{1,19}$/', $hit) === 1 ? self::positiveInt($hit) : null;
			if ($hitId === null) {
				throw Refusal::invalid('hi', 'hi must be a hit id, a positive whole number.');
			}
		}

		$info = VisitorInfo::fromValues(
			self::optional($query, 'vn', VisitorInfo::MAX_NAME),
			self::optional($query, 'vp', PhoneNumber::MAX_LENGTH),
			self::optional($query, 've', EmailAddress::MAX_LENGTH),
			self::FIELDS,
		);

		$page = self::optional($query, 'ur', self::MAX_PAGE);

		return new self(
			$siteKey,
			$keyField,
			$visitorId,
			$sessionId,
			$hitId,
			$info,
			$page === '' ? null : $page,
			($query['s'] ?? null) === '1',
		);
	}

	/** @param array<string, mixed> $query */
	private static function required(array $query, string $name, int $max): string
	{
		$value = self::optional($query, $name, $max);
		if ($value === null || $value === '') {
			throw Refusal::missing($name);
		}
		return $value;
	}

	/**
	 * A parameter's text, null when it is absent.
	 *
	 * @param array<string, mixed> $query
	 */
	private static function optional(array $query, string $name, int $max): ?string
	{
		if (!array_key_exists($name, $query)) {
			return null;
		}
		$value = $query[$name];
		if (!is_string($value)) {
			throw Refusal::invalid($name, $name . ' must be given once, as text.');
		}
		if (!Utf8::isValid($value)) {
			throw Refusal::invalid($name, $name . ' must be valid UTF-8.');
		}
		if (strlen($value) > $max && Utf8::length($value) > $max) {
			throw Refusal::invalid($name, sprintf('%s must be at most %d characters.', $name, $max));
		}
		return $value;
	}

	private static function positiveInt(string $digits): ?int
	{
		$value = filter_var($digits, FILTER_VALIDATE_INT, ['options' => ['min_range' => 1]]);
		return $value === false ? null : $value;
	}
}
