<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Contacts;

use LeadTrail\Contacts\EmailAddress;
use PHPUnit\Framework\TestCase;

final class EmailAddressTest extends TestCase
{
	/** @dataProvider addresses */
	public function testNormalisesCaseAndSurroundingSpace(string $email, string $normalized): void
	{
		self::assertSame($normalized, EmailAddress::normalize($email));
	}

	/** @return array<string, array{string, string}> */
	public static function addresses(): array
	{
		return [
			'plain' => ['ivan@example.com', 'ivan@example.com'],
			'upper case' => ['Ivan@Example.COM', 'ivan@example.com'],
			'spaces around' => ['  ivan@example.com ', 'ivan@example.com'],
			'plus and dots' => ['ivan.petrov+shop@mail.example.ru', 'ivan.petrov+shop@mail.example.ru'],
			'Cyrillic domain' => ['Иван@Почта.РФ', 'иван@почта.рф'],
			'hyphenated domain' => ['a@my-shop.example', 'a@my-shop.example'],
		];
	}

	/** @dataProvider notAddresses */
	public function testRefusesWhatIsNotAnAddress(string $email): void
	{
		self::assertNull(EmailAddress::normalize($email));
	}

	/** @return array<string, array{string}> */
	public static function notAddresses(): array
	{
		return [
			'empty' => [''],
			'no at' => ['ivan.example.com'],
			'two ats' => ['ivan@@example.com'],
			'no local part' => ['@example.com'],
			'no domain' => ['ivan@'],
			'single-label domain' => ['ivan@localhost'],
			'numeric top-level domain' => ['ivan@example.123'],
			'leading dot' => ['.ivan@example.com'],
			'double dot' => ['iv..an@example.com'],
			'space inside' => ['iv an@example.com'],
			'markup' => ['<script>@example.com'],
			'quote' => ['"ivan"@example.com'],
			'label starting with a hyphen' => ['ivan@-example.com'],
			'local part of 65 characters' => [str_repeat('a', 65) . '@example.com'],
			'newline inside' => ["ivan\n@example.com"],
		];
	}
}
