<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Integrations;

use LeadTrail\Integrations\CapturedField;
use LeadTrail\Integrations\FieldMapper;
use LeadTrail\Integrations\MappingOverrides;
use LeadTrail\Integrations\Submission;
use PHPUnit\Framework\TestCase;

final class FieldMapperTest extends TestCase
{
	/** @param list<array{0: string, 1: string, 2: string, 3: string}> $fields key, label, type, value */
	private static function map(array $fields, array $override = [], ?string $form = 'Contact'): array
	{
		return FieldMapper::map(new Submission('1', $form, array_map(
			static fn (array $f): CapturedField => new CapturedField(...$f),
			$fields
		)), $override);
	}

	public function testMapsByTypeWhateverTheName(): void
	{
		$values = self::map([
			['field_1', 'A', 'name', 'Иван'],
			['field_2', 'B', 'email', 'ivan@example.com'],
			['field_3', 'C', 'tel', '+7 (912) 345-67-89'],
			['field_4', 'D', 'textarea', 'Перезвоните'],
		]);
		self::assertSame('Иван', $values['name']);
		self::assertSame('ivan@example.com', $values['email']);
		self::assertSame('+7 (912) 345-67-89', $values['phone']);
		self::assertSame('Перезвоните', $values['text']);
		self::assertSame('Contact', $values['form_name']);
		self::assertArrayNotHasKey('user_fields', $values);
	}

	/** @return array<string, array{0: string, 1: string, 2: string}> */
	public static function names(): array
	{
		return [
			'cf7 your-name' => ['your-name', '', 'name'],
			'fio' => ['fio', '', 'name'],
			'имя' => ['имя', '', 'name'],
			'label Ваше имя' => ['f1', 'Ваше имя', 'name'],
			'your-email' => ['your-email', '', 'email'],
			'e-mail' => ['e-mail', '', 'email'],
			'E_Mail' => ['E_Mail', '', 'email'],
			'почта' => ['f2', 'Электронная почта', 'email'],
			'tel' => ['tel', '', 'phone'],
			'your-phone' => ['your-phone', '', 'phone'],
			'телефон' => ['Телефон', '', 'phone'],
			'your-message' => ['your-message', '', 'text'],
			'comment' => ['comment', '', 'text'],
			'сообщение' => ['f3', 'Сообщение', 'text'],
			'текст' => ['текст', '', 'text'],
			'elementor form_fields[email]' => ['form_fields[email]', '', 'email'],
		];
	}

	/** @dataProvider names */
	public function testMapsCommonNamesInEnglishAndRussian(string $key, string $label, string $leadField): void
	{
		$value = match ($leadField) {
			'email' => 'a@example.com',
			'phone' => '89123456789',
			default => 'Значение',
		};
		$values = self::map([[$key, $label, 'text', $value]]);
		self::assertSame($value, $values[$leadField] ?? null, json_encode($values, JSON_UNESCAPED_UNICODE));
	}

	public function testJoinsFirstAndLastNameAndKeepsTheRestAsUserFields(): void
	{
		$values = self::map([
			['first_name', 'Имя', 'text', 'Иван'],
			['last_name', 'Фамилия', 'text', 'Петров'],
			['city', 'Город', 'text', 'Москва'],
			['site_key', '', 'hidden', 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75'],
			['visitor_id', '', 'hidden', '17'],
			['_wpcf7', '', 'hidden', '5'],
			['leadtrail_form', '', 'hidden', 'Contact'],
		]);
		self::assertSame('Иван Петров', $values['name']);
		self::assertSame(['Город' => 'Москва'], $values['user_fields']);
	}

	public function testTheOverrideWinsOverTypesAndNames(): void
	{
		[$overrides] = MappingOverrides::parse("cf7:1 name=nickname message=details\n");
		$values = self::map([
			['your-name', '', 'text', 'Formal'],
			['nickname', 'Ник', 'text', 'Ваня'],
			['details', 'Подробности', 'text', 'Хочу скидку'],
		], $overrides->for('cf7', '1'));
		self::assertSame('Ваня', $values['name']);
		self::assertSame('Хочу скидку', $values['text']);
		self::assertSame(['your-name' => 'Formal'], $values['user_fields']);
	}

	public function testAValueThatDoesNotFitItsFieldIsKeptAsAUserField(): void
	{
		$values = self::map([
			['email', '', 'email', 'not an address'],
			['phone', '', 'tel', '12'],
			['message', '', 'textarea', 'Привет'],
		]);
		self::assertArrayNotHasKey('email', $values);
		self::assertArrayNotHasKey('phone', $values);
		self::assertSame(['email' => 'not an address', 'phone' => '12'], $values['user_fields']);
	}

	public function testLongTextIsCutToTheLimits(): void
	{
		$values = self::map([['name', '', 'text', str_repeat('я', 300)], ['message', '', 'textarea', str_repeat('x', 10050)]]);
		self::assertSame(255, mb_strlen($values['name']));
		self::assertSame(10000, strlen($values['text']));
	}

	public function testMappingOverridesReportBadLines(): void
	{
		[$overrides, $bad] = MappingOverrides::parse("# comment\nwpforms:* email=Work\nnonsense\ncf7:2 age=x\n");
		self::assertSame([3, 4], $bad);
		self::assertSame([], $overrides->for('cf7', '2'));
		self::assertSame(['email' => 'Work'], $overrides->for('wpforms', '9'));
	}
}
