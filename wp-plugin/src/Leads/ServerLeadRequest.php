<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Identity\SiteKey;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;

/**
 * A validated `POST {server}api/add_offline_message/` (A6, F1; docs/contracts.md,
 * "Server"): the site's own form handler forwards a lead with the ids the page
 * put into the form. Checked in the order site_key (or key), visitor_id,
 * session_id, hit_id, uri, then the lead's fields with `text` for the message.
 */
final class ServerLeadRequest
{
	public const SOURCE = 'server';
	public const MAX_PAGE = 2048;
	private const MAX_ID_DIGITS = 19;

	private function __construct(
		public readonly string $siteKey,
		/** "site_key" or "key": the field that carried the key, named in a refusal of the key. */
		public readonly string $siteKeyField,
		public readonly int $visitorId,
		public readonly int $sessionId,
		public readonly ?int $hitId,
		public readonly ?string $page,
		public readonly LeadFields $fields,
	) {
	}

	/**
	 * @param string                   $contentType the request's Content-Type header, "" when none
	 * @param string                   $body        the raw body (read for JSON, and for a body without a form content type)
	 * @param array<string|int, mixed> $formFields  the body's form fields as PHP parsed them (unslashed)
	 * @param int                      $declaredLength the declared Content-Length, 0 when unknown
	 * @throws Refusal
	 */
	public static function fromHttp(string $method, string $contentType, string $body, array $formFields, int $declaredLength = 0): self
	{
		if (strtoupper($method) !== 'POST') {
			throw new Refusal(405, 'method_not_allowed', 'method', 'Only POST is allowed.');
		}
		if (strlen($body) > JsonBody::MAX_BYTES || $declaredLength > JsonBody::MAX_BYTES) {
			throw new Refusal(413, 'payload_too_large', 'body', 'The body is larger than 1 MiB.');
		}
		if (preg_match('#^\s*application/(?:[a-z0-9.+-]*\+)?json\b#i', $contentType) === 1) {
			return self::fromInput(LeadInput::fromJsonBody(JsonBody::fromJson($body)));
		}
		if ($formFields === [] && trim($body) !== '' && stripos($contentType, 'multipart/') === false) {
			// No form content type (some HTTP clients send none): read the body as a form anyway.
			parse_str($body, $formFields);
		}
		return self::fromInput(LeadInput::fromValues($formFields));
	}

	/** @throws Refusal */
	public static function fromInput(LeadInput $input): self
	{
		// F1: the documentation names the key "key" too; "site_key" wins when both come.
		$keyField = $input->given('site_key') || !$input->given('key') ? 'site_key' : 'key';
		if (!$input->given($keyField)) {
			throw Refusal::missing('site_key');
		}
		$siteKey = $input->raw($keyField);
		if (!is_string($siteKey) || !SiteKey::isValid(trim($siteKey))) {
			throw Refusal::invalid($keyField, $keyField . ' must be the site key, ' . SiteKey::RULE . '.');
		}

		$visitorId = self::id($input, 'visitor_id');
		$sessionId = self::id($input, 'session_id');
		$hitId = $input->given('hit_id') ? self::id($input, 'hit_id') : null;
		$page = $input->text('uri', self::MAX_PAGE);

		return new self(
			trim($siteKey),
			$keyField,
			$visitorId,
			$sessionId,
			$hitId,
			$page,
			LeadFields::read($input, 'text'),
		);
	}

	/** A required id: a JSON integer or a string of digits, at least 1. */
	private static function id(LeadInput $input, string $name): int
	{
		if (!$input->given($name)) {
			throw Refusal::missing($name);
		}
		$value = $input->raw($name);
		if (is_string($value) && preg_match('/^[0-9]{1,' . self::MAX_ID_DIGITS . '}$/', trim($value)) === 1) {
			$value = filter_var(trim($value), FILTER_VALIDATE_INT);
		}
		if (!is_int($value) || $value < 1) {
			throw Refusal::invalid($name, $name . ' must be a positive whole number.');
		}
		return $value;
	}
}
