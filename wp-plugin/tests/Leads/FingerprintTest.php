<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Leads\Fingerprint;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Leads\LeadInput;
use PHPUnit\Framework\TestCase;

final class FingerprintTest extends TestCase
{
	/** @param array<string, mixed> $values */
	private static function of(int $visitorId, array $values, string $messageField = 'message'): string
	{
		return Fingerprint::of($visitorId, LeadFields::read(LeadInput::fromValues($values), $messageField));
	}

	public function testTheBrowserAndTheServerSendingTheSameFormMatch(): void
	{
		$browser = self::of(17, ['name' => 'Дмитрий', 'email' => 'dmitry@comagic.ru', 'phone' => '79123456789', 'message' => "Текст\nзаявки"]);
		// A form posts the textarea with CRLF; people retype with other case and spacing.
		$server = self::of(17, ['name' => ' дмитрий ', 'email' => 'Dmitry@Comagic.ru', 'phone' => '+7 (912) 345-67-89', 'text' => "Текст\r\n  заявки", 'is_sale' => '1', 'sale_cost' => '5'], 'text');

		self::assertSame($browser, $server);
		self::assertMatchesRegularExpression('/^[0-9a-f]{40}$/', $browser);
	}

	public function testAnotherVisitorOrAnotherFieldIsAnotherSubmission(): void
	{
		$base = ['name' => 'n', 'email' => 'a@b.ru', 'phone' => '1234567', 'message' => 'm', 'form_name' => 'f'];
		$fingerprint = self::of(17, $base);

		self::assertNotSame($fingerprint, self::of(18, $base));
		foreach (['name' => 'n2', 'email' => 'c@b.ru', 'phone' => '1234568', 'message' => 'm2', 'form_name' => 'f2'] as $field => $other) {
			self::assertNotSame($fingerprint, self::of(17, [$field => $other] + $base), $field);
		}
		// A field moved to another one is not the same submission either.
		self::assertNotSame(self::of(17, ['name' => 'x']), self::of(17, ['message' => 'x']));
	}

	public function testSaleGroupAndUserFieldsAreNotPartOfIt(): void
	{
		self::assertSame(
			self::of(17, ['name' => 'n']),
			self::of(17, ['name' => 'n', 'is_sale' => true, 'sale_cost' => 1, 'group_id' => 5, 'user_fields' => ['a' => 'b']])
		);
	}

	public function testNormalisesText(): void
	{
		self::assertSame('привет мир', Fingerprint::text("  ПРИВЕТ\u{00A0}\t\r\n Мир "));
		self::assertSame('', Fingerprint::text(null));
	}

	public function testWithoutAVisitorEverythingTheFormSaysCounts(): void
	{
		$base = ['name' => 'n', 'email' => 'a@b.ru', 'user_fields' => ['Company' => 'Acme']];
		$sale = ['is_sale' => '1', 'sale_cost' => '5'] + $base;

		self::assertSame(self::of(0, $base), self::of(0, ['name' => ' N '] + $base));
		foreach ([
			[$base, ['user_fields' => ['Company' => 'Other']] + $base],
			[$base, ['user_fields' => ['Company' => 'Acme', 'City' => 'Omsk']] + $base],
			[$base, ['is_sale' => '1'] + $base],
			[$sale, ['sale_cost' => '6'] + $sale],
		] as $i => [$one, $other]) {
			self::assertNotSame(self::of(0, $one), self::of(0, $other), (string) $i);
		}
		// A visitor's submission keeps the rule it shares with the browser: other fields do not count.
		self::assertSame(self::of(17, $sale), self::of(17, ['user_fields' => ['Company' => 'Other'], 'sale_cost' => '6'] + $sale));
	}
}
