<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Contacts\PhoneNumber;
use LeadTrail\Ingest\Refusal;

/**
 * What a lead says, checked (docs/contracts.md, "Lead requests", "The fields"):
 * the same rules for addOfflineRequest (A4, F2) and the server endpoint (A6, F1),
 * which names the message `text`.
 */
final class LeadFields
{
	public const MAX_NAME = 255;
	public const MAX_MESSAGE = 10000;
	public const MAX_FORM_NAME = 255;
	/** The honeypot: a field people never fill (see "Spam protection"). */
	public const HONEYPOT = 'leadtrail_hp';
	/** The largest group id (a signed 32-bit integer, as settings accept). */
	public const MAX_GROUP_ID = 2147483647;

	/** @param array<string, string> $userFields */
	public function __construct(
		public readonly ?string $name,
		public readonly ?string $email,
		public readonly ?string $emailNormalized,
		public readonly ?string $phone,
		public readonly ?string $phoneDigits,
		public readonly ?string $message,
		public readonly bool $isSale,
		public readonly ?string $saleCost,
		public readonly ?int $groupId,
		public readonly ?string $formName,
		public readonly array $userFields,
		public readonly bool $honeypot,
	) {
	}

	/**
	 * Reads the fields in the contract's order; the first bad one is refused.
	 *
	 * @param string $messageField "message" (JS) or "text" (the server endpoint)
	 * @throws Refusal
	 */
	public static function read(LeadInput $input, string $messageField): self
	{
		$name = $input->text('name', self::MAX_NAME);

		$email = $input->text('email', EmailAddress::MAX_LENGTH);
		$emailNormalized = null;
		if ($email !== null) {
			$emailNormalized = EmailAddress::normalize($email);
			if ($emailNormalized === null) {
				throw Refusal::invalid('email', sprintf('email must be an e-mail address of at most %d characters.', EmailAddress::MAX_LENGTH));
			}
		}

		$phone = $input->text('phone', PhoneNumber::MAX_LENGTH);
		$phoneDigits = null;
		if ($phone !== null) {
			$phoneDigits = PhoneNumber::normalize($phone);
			if ($phoneDigits === null) {
				throw Refusal::invalid('phone', sprintf(
					'phone must have %d to %d digits; only + ( ) - . and spaces may stand between them.',
					PhoneNumber::MIN_DIGITS,
					PhoneNumber::MAX_DIGITS,
				));
			}
		}

		$message = $input->text($messageField, self::MAX_MESSAGE);

		$isSale = false;
		if ($input->given('is_sale')) {
			$flag = SaleFlag::parse($input->raw('is_sale'));
			if ($flag === null) {
				throw Refusal::invalid('is_sale', 'is_sale must be true or false.');
			}
			$isSale = $flag;
		}

		$saleCost = null;
		if ($input->given('sale_cost')) {
			if (!$isSale) {
				// R5: a deal amount only comes with a sale; never dropped silently.
				throw Refusal::invalid('is_sale', 'sale_cost requires is_sale: true.');
			}
			$saleCost = SaleCost::parse($input->raw('sale_cost'));
			if ($saleCost === null) {
				throw Refusal::invalid('sale_cost', 'sale_cost must be a number from 0 to 1000000000000.');
			}
		}

		$groupId = null;
		if ($input->given('group_id')) {
			$groupId = self::groupId($input->raw('group_id'));
			if ($groupId === null) {
				throw Refusal::invalid('group_id', 'group_id must be a positive whole number.');
			}
		}

		$formName = $input->text('form_name', self::MAX_FORM_NAME);

		$userFields = [];
		if ($input->given(UserFields::FIELD)) {
			$input->checkUtf8(UserFields::FIELD);
			$userFields = UserFields::parse($input->raw(UserFields::FIELD), $input->fromForm());
		}

		$honeypot = $input->raw(self::HONEYPOT);

		if ($name === null && $email === null && $phone === null && $message === null) {
			throw new Refusal(
				400,
				'missing_contact',
				'name',
				sprintf('Give at least one of name, email, phone and %s.', $messageField),
			);
		}

		return new self(
			$name,
			$email,
			$emailNormalized,
			$phone,
			$phoneDigits,
			$message,
			$isSale,
			$saleCost,
			$groupId,
			$formName,
			$userFields,
			$honeypot !== null && $honeypot !== '',
		);
	}

	/** A positive id from a JSON integer or a string of digits; null otherwise. */
	public static function groupId(mixed $value): ?int
	{
		if (is_string($value)) {
			$value = trim($value);
			if (preg_match('/^[0-9]{1,10}$/', $value) !== 1) {
				return null;
			}
			$value = (int) $value;
		}
		return is_int($value) && $value >= 1 && $value <= self::MAX_GROUP_ID ? $value : null;
	}

	/** The user fields as stored (JSON), null when there are none. */
	public function userFieldsJson(): ?string
	{
		return UserFields::toJson($this->userFields);
	}
}
