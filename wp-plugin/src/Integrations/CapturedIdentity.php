<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

use LeadTrail\Identity\SiteKey;
use LeadTrail\Leads\ServerLeadRequest;

/**
 * Who sent a captured form: the hidden credential fields the runtime put into it (A6 made
 * automatic), or, without them, the visitor's cookies `_comagic_id` (visitor.session.seconds)
 * and `_leadtrail_token`. LeadService checks them; in cloud mode the ids are the vendor's.
 * Without either, or when they do not check out, the lead is recorded with no visitor (`none`).
 * Hidden fields anyone can copy; the token cookie of the same visitor, which a same-origin form
 * carries, is what proves that the visitor itself sent the form.
 */
final class CapturedIdentity
{
	public const VIA_FIELDS = 'fields';
	public const VIA_COOKIE = 'cookie';
	/** Cloud mode: the vendor's ids with the vendor's site key; only the vendor can check them. */
	public const VIA_VENDOR = 'vendor';
	/** No visitor: ids 0 (a visitor without consent or JavaScript, or an identity that was refused). */
	public const VIA_NONE = 'none';

	/** The hidden fields the runtime adds (docs/contracts.md, "Hidden form fields"). */
	public const FIELD_NAMES = ['site_key', 'key', 'uri', 'visitor_id', 'hit_id', 'session_id', 'consultant_server_url'];

	private const MAX_ID_DIGITS = 19;

	private function __construct(
		public readonly string $via,
		public readonly ?string $siteKey,
		public readonly int $visitorId,
		public readonly int $sessionId,
		public readonly ?int $hitId,
		public readonly ?string $token,
		/** The page the form was sent from (`uri`), null when not given. */
		public readonly ?string $page,
		/** `consultant_server_url` as the page gave it, null when not given. */
		public readonly ?string $serverUrl,
	) {
	}

	/**
	 * From the hidden fields, else the cookies, else no visitor.
	 *
	 * @param array<string, mixed> $posted
	 * @param array<string, mixed> $cookies
	 * @param ?string                 $page the form's page as the request tells it (its referer)
	 */
	public static function read(array $posted, array $cookies, ?string $page): self
	{
		$cookie = self::fromCookies($cookies, $page);
		$fields = self::fromFields($posted);
		if ($fields !== null && $cookie !== null && $cookie->visitorId === $fields->visitorId) {
			return $fields->withToken((string) $cookie->token);
		}
		return $fields ?? $cookie ?? self::none($page);
	}

	/** A lead with no visitor, from $page when known. */
	public static function none(?string $page): self
	{
		return new self(self::VIA_NONE, null, 0, 0, null, null, $page, null);
	}

	/** @param array<string, mixed> $posted */
	public static function fromFields(array $posted): ?self
	{
		$key = self::string($posted['site_key'] ?? null) ?? self::string($posted['key'] ?? null);
		$visitor = self::id($posted['visitor_id'] ?? null);
		$session = self::id($posted['session_id'] ?? null);
		if ($key === null || $visitor === null || $session === null || !SiteKey::isValid($key)) {
			return null;
		}
		$page = self::string($posted['uri'] ?? null);
		$server = self::string($posted['consultant_server_url'] ?? null);
		return new self(
			self::VIA_FIELDS,
			$key,
			$visitor,
			$session,
			self::id($posted['hit_id'] ?? null),
			null,
			$page !== null && strlen($page) <= ServerLeadRequest::MAX_PAGE ? $page : null,
			$server !== null && strlen($server) <= 2048 ? $server : null,
		);
	}

	/** @param array<string, mixed> $cookies */
	public static function fromCookies(array $cookies, ?string $page): ?self
	{
		$id = self::string($cookies['_comagic_id'] ?? null);
		$token = self::string($cookies['_leadtrail_token'] ?? null);
		if ($id === null || $token === null || strlen($token) > 128
			|| preg_match('/^([0-9]{1,19})\.([0-9]{1,19})\.[0-9]{1,12}$/', $id, $match) !== 1) {
			return null;
		}
		$visitor = self::id($match[1]);
		$session = self::id($match[2]);
		if ($visitor === null || $session === null) {
			return null;
		}
		return new self(self::VIA_COOKIE, null, $visitor, $session, null, $token, $page, null);
	}

	/** The same ids with the visitor's token, to be verified. */
	private function withToken(string $token): self
	{
		return new self($this->via, $this->siteKey, $this->visitorId, $this->sessionId, $this->hitId, $token, $this->page, $this->serverUrl);
	}

	/** The same lead with no visitor: its ids did not check out, so they are not kept. */
	public function withoutVisitor(): self
	{
		return self::none($this->page);
	}

	/** The same ids, taken as the vendor's (cloud mode). */
	public function asVendor(): self
	{
		return new self(self::VIA_VENDOR, $this->siteKey, $this->visitorId, $this->sessionId, $this->hitId, null, $this->page, $this->serverUrl);
	}

	private static function string(mixed $value): ?string
	{
		return is_string($value) && trim($value) !== '' ? trim($value) : null;
	}

	private static function id(mixed $value): ?int
	{
		if (is_int($value)) {
			return $value >= 1 ? $value : null;
		}
		if (!is_string($value) || preg_match('/^[0-9]{1,' . self::MAX_ID_DIGITS . '}$/', trim($value)) !== 1) {
			return null;
		}
		$id = filter_var(trim($value), FILTER_VALIDATE_INT);
		return is_int($id) && $id >= 1 ? $id : null;
	}
}
