<?php

declare(strict_types=1);

namespace LeadTrail\Contacts;

/**
 * One phone number or e-mail address of a visitor: the text as given, and the
 * normalised form that keeps each one once per visitor.
 */
final class Contact
{
	public const PHONE = 'phone';
	public const EMAIL = 'email';

	private function __construct(
		public readonly string $kind,
		public readonly string $value,
		public readonly string $normalized,
	) {
	}

	public static function phone(string $value, string $normalized): self
	{
		return new self(self::PHONE, $value, $normalized);
	}

	public static function email(string $value, string $normalized): self
	{
		return new self(self::EMAIL, $value, $normalized);
	}
}
