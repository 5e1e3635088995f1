<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Contacts\PhoneNumber;
use LeadTrail\Contacts\VisitorInfo;
use LeadTrail\Ingest\HitRequest;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;

/**
 * A visitor's chat poll (docs/contracts.md, "Chat"): who asks (visitor_id and its
 * token; the chat is always that visitor's own, never named by the client), the
 * last message id the page has, and optionally a message to send, the typing
 * flag, the page the visitor is on, the employee group a new chat is for, and the
 * visitor's name, phone and e-mail (read as addVisitorInfo reads them, A14).
 */
final class VisitorChatRequest
{
	public const MAX_PAGE = 2048;

	private function __construct(
		public readonly int $visitorId,
		public readonly string $token,
		public readonly int $after,
		public readonly ?string $text,
		public readonly ?string $requestId,
		public readonly bool $typing,
		public readonly ?string $page,
		public readonly int $groupId,
		public readonly ?VisitorInfo $info,
	) {
	}

	/** @throws Refusal naming the first bad field */
	public static function fromBody(JsonBody $body): self
	{
		$visitorId = $body->positiveInt('visitor_id');
		$token = $body->string('token', HitRequest::MAX_TOKEN);
		if ($token === '') {
			throw Refusal::invalid('token', 'token must not be empty.');
		}
		$fields = $body->fields();
		$after = $fields['after'] ?? 0;
		if (!is_int($after) || $after < 0) {
			throw Refusal::invalid('after', 'after must be a message id (0 or more).');
		}
		$text = array_key_exists('text', $fields) && $fields['text'] !== null ? ChatText::parse($fields['text']) : null;
		$requestId = $body->optionalString('request_id', 64);
		if ($requestId !== null && preg_match('/^[A-Za-z0-9_-]{16,64}$/', $requestId) !== 1) {
			throw Refusal::invalid('request_id', 'request_id must be 16 to 64 letters, digits, "_" or "-".');
		}
		$typing = $fields['typing'] ?? false;
		if (!is_bool($typing)) {
			throw Refusal::invalid('typing', 'typing must be true or false.');
		}
		$page = $body->optionalString('page', self::MAX_PAGE);
		if ($page !== null && preg_match('#^https?://#i', $page) !== 1) {
			throw Refusal::invalid('page', 'page must be an http(s) URL.');
		}
		$groupId = $fields['group_id'] ?? 0;
		if (!is_int($groupId) || $groupId < 0) {
			throw Refusal::invalid('group_id', 'group_id must be the id of an employee group.');
		}
		return new self($visitorId, $token, $after, $text, $requestId, $typing, $page, $groupId, self::info($body));
	}

	/**
	 * The contacts the visitor left in the chat window, when it sent any of the three keys.
	 *
	 * @throws Refusal as addVisitorInfo's: missing_contact, invalid_name|phone|email
	 */
	private static function info(JsonBody $body): ?VisitorInfo
	{
		if (!$body->has('name') && !$body->has('phone') && !$body->has('email')) {
			return null;
		}
		return VisitorInfo::fromValues(
			$body->optionalString('name', VisitorInfo::MAX_NAME),
			$body->optionalString('phone', PhoneNumber::MAX_LENGTH),
			$body->optionalString('email', EmailAddress::MAX_LENGTH),
			['name' => 'name', 'phone' => 'phone', 'email' => 'email'],
		);
	}
}
