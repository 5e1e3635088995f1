<?php

declare(strict_types=1);

namespace LeadTrail\Contacts;

use LeadTrail\Ingest\Refusal;
use LeadTrail\Support\Utf8;

/**
 * What addVisitorInfo (A14) and the tracker endpoint (A15) tell about a visitor:
 * a name that replaces the previous one, and phones and e-mails that add up.
 */
final class VisitorInfo
{
	public const MAX_NAME = 255;

	/** @param list<Contact> $contacts */
	private function __construct(
		public readonly ?string $name,
		public readonly array $contacts,
	) {
	}

	/**
	 * Checks the three values; each is a string of valid UTF-8 already (the reader of
	 * the request checked type, encoding and length) or null when not given. An empty
	 * or blank value counts as not given.
	 *
	 * @param array{name: string, phone: string, email: string} $fields the request's names for
	 *                                                                  the three, used in refusals
	 * @throws Refusal missing_contact when none is given, invalid_<field> for a bad one
	 */
	public static function fromValues(?string $name, ?string $phone, ?string $email, array $fields): self
	{
		$name = self::given($name);
		$phone = self::given($phone);
		$email = self::given($email);
		if ($name === null && $phone === null && $email === null) {
			throw new Refusal(
				400,
				'missing_contact',
				$fields['name'],
				sprintf('Give at least one of %s, %s and %s.', $fields['name'], $fields['phone'], $fields['email']),
			);
		}
		if ($name !== null && strlen($name) > self::MAX_NAME && Utf8::length($name) > self::MAX_NAME) {
			throw Refusal::invalid($fields['name'], sprintf('%s must be at most %d characters.', $fields['name'], self::MAX_NAME));
		}

		$contacts = [];
		if ($phone !== null) {
			$digits = strlen($phone) <= PhoneNumber::MAX_LENGTH ? PhoneNumber::normalize($phone) : null;
			if ($digits === null) {
				throw Refusal::invalid(
					$fields['phone'],
					sprintf(
						'%s must have %d to %d digits; only + ( ) - . and spaces may stand between them.',
						$fields['phone'],
						PhoneNumber::MIN_DIGITS,
						PhoneNumber::MAX_DIGITS,
					),
				);
			}
			$contacts[] = Contact::phone($phone, $digits);
		}
		if ($email !== null) {
			$tooLong = strlen($email) > EmailAddress::MAX_LENGTH && Utf8::length($email) > EmailAddress::MAX_LENGTH;
			$normalized = $tooLong ? null : EmailAddress::normalize($email);
			if ($normalized === null) {
				throw Refusal::invalid(
					$fields['email'],
					sprintf('%s must be an e-mail address of at most %d characters.', $fields['email'], EmailAddress::MAX_LENGTH),
				);
			}
			$contacts[] = Contact::email($email, $normalized);
		}

		return new self($name, $contacts);
	}

	private static function given(?string $value): ?string
	{
		return $value === null || trim($value) === '' ? null : $value;
	}
}
