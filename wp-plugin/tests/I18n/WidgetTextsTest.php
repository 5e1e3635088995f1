<?php

declare(strict_types=1);

namespace LeadTrail\Tests\I18n;

use LeadTrail\I18n\WidgetTexts;
use PHPUnit\Framework\TestCase;

require_once dirname(__DIR__) . '/Support/Translations.php';

final class WidgetTextsTest extends TestCase
{
	private const DICTIONARIES = [
		'widgets' => [
			'title' => ['Leave a request', 'Оставить заявку'],
			'close' => ['Close', 'Закрыть'],
		],
		'chat' => [
			'title' => ['Chat with us', 'Чат с нами'],
		],
	];

	protected function tearDown(): void
	{
		unset($GLOBALS['leadtrail_test_catalogue']);
	}

	/** @param array<string, string> $translations msgid => translation, with the widgets' context */
	private function catalogue(array $translations): void
	{
		foreach ($translations as $msgid => $text) {
			$GLOBALS['leadtrail_test_catalogue']['leadtrail']['widget' . "\4" . $msgid] = $text;
		}
	}

	public function testAnEnglishSiteHandsNothing(): void
	{
		self::assertSame([], WidgetTexts::overrides(self::DICTIONARIES, false));
	}

	public function testARussianSiteWithTheBundledTranslationHandsNothing(): void
	{
		$this->catalogue(['Leave a request' => 'Оставить заявку', 'Close' => 'Закрыть', 'Chat with us' => 'Чат с нами']);
		self::assertSame([], WidgetTexts::overrides(self::DICTIONARIES, true));
	}

	public function testARussianSiteHandsTheStringsItsOwnTranslationChanged(): void
	{
		$this->catalogue(['Leave a request' => 'Оставьте заявку', 'Close' => 'Закрыть', 'Chat with us' => 'Чат с нами']);
		self::assertSame(['widgets' => ['title' => 'Оставьте заявку']], WidgetTexts::overrides(self::DICTIONARIES, true));
	}

	public function testAnotherLanguageHandsEachTranslatedStringPerDictionary(): void
	{
		$this->catalogue(['Leave a request' => 'Anfrage senden', 'Chat with us' => 'Chatten Sie mit uns']);
		self::assertSame(
			['widgets' => ['title' => 'Anfrage senden'], 'chat' => ['title' => 'Chatten Sie mit uns']],
			WidgetTexts::overrides(self::DICTIONARIES, false)
		);
	}

	public function testAStringTheCatalogueLacksIsLeftToTheBundle(): void
	{
		// A partial Russian catalogue (say, from translate.wordpress.org) keeps the bundled Russian of the rest.
		$this->catalogue(['Close' => 'Закрыть окно']);
		self::assertSame(['widgets' => ['close' => 'Закрыть окно']], WidgetTexts::overrides(self::DICTIONARIES, true));
		self::assertSame(['widgets' => ['close' => 'Закрыть окно']], WidgetTexts::overrides(self::DICTIONARIES, false));
	}

	/** @return iterable<string, array{string, bool}> */
	public static function locales(): iterable
	{
		yield 'ru_RU' => ['ru_RU', true];
		yield 'ru' => ['ru', true];
		yield 'ru-RU' => ['ru-RU', true];
		yield 'rue (Rusyn)' => ['rue', false];
		yield 'en_US' => ['en_US', false];
		yield 'de_DE' => ['de_DE', false];
	}

	/** @dataProvider locales */
	public function testTheBundleShowsRussianForTheLocalesTheWidgetsTreatAsRussian(string $locale, bool $russian): void
	{
		self::assertSame($russian, WidgetTexts::bundlesRussian($locale));
	}
}
