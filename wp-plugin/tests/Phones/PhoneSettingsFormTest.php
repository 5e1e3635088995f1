<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Phones;

use LeadTrail\Phones\InvalidPhoneSettings;
use LeadTrail\Phones\NumberPool;
use LeadTrail\Phones\PhoneSettings;
use LeadTrail\Phones\PhoneSettingsForm;
use LeadTrail\Phones\SessionOrigin;
use PHPUnit\Framework\TestCase;

require_once dirname(__DIR__) . '/Support/Translations.php';

final class PhoneSettingsFormTest extends TestCase
{
	/** @return array<string, mixed> */
	private static function form(): array
	{
		return [
			'site' => "+7 (495) 182-51-68\n\n8 495 182 51 69",
			'rules' => [
				['when' => 'utm_source', 'value' => 'google', 'number' => '+7 (499) 000-00-01'],
				['when' => 'utm_source', 'value' => '', 'number' => ''],
				['when' => 'direct', 'value' => '', 'number' => '8 499 000 00 02'],
			],
			'pools' => [
				['label' => 'Paid', 'numbers' => "74990000011\n74990000012", 'hold' => '15', 'when' => 'click_id', 'value' => '', 'fallback' => '74990000019'],
				['label' => '', 'numbers' => '', 'hold' => '15', 'when' => 'any', 'value' => '', 'fallback' => ''],
			],
		];
	}

	public function testAFormIsReadWithBlankRowsLeftOutAndNumbersNormalised(): void
	{
		$settings = PhoneSettingsForm::parse(self::form());

		self::assertSame(['74951825168', '74951825169'], $settings->site);
		self::assertSame(['74990000001', '74990000002'], array_column($settings->rules, 'number'));
		self::assertCount(1, $settings->pools);
		self::assertSame(['74990000011', '74990000012'], $settings->pools[0]->numbers);
		self::assertSame('74990000019', $settings->pools[0]->fallback);
		self::assertSame(15, $settings->pools[0]->holdMinutes);
	}

	public function testTheNumbersTableGetsEveryNumberWithItsKindAndLabel(): void
	{
		$rows = PhoneSettingsForm::parse(self::form())->numberRows();

		self::assertSame(
			[
				['74951825168', 'site', 0, 'Site number'],
				['74951825169', 'site', 0, 'Site number'],
				['74990000001', 'static', 0, 'utm_source = google'],
				['74990000002', 'static', 0, 'Direct'],
				['74990000011', 'pool', 1, 'Pool: Paid'],
				['74990000012', 'pool', 1, 'Pool: Paid'],
				['74990000019', 'fallback', 1, 'Pool fallback: Paid'],
			],
			array_map(static fn (array $r): array => [$r['digits'], $r['kind'], $r['pool_id'], $r['label']], $rows),
		);
	}

	/** @dataProvider refusals */
	public function testBadInputIsRefusedNamingItsField(callable $change, string $field): void
	{
		$form = self::form();
		$change($form);
		try {
			PhoneSettingsForm::parse($form);
			self::fail('accepted');
		} catch (InvalidPhoneSettings $refused) {
			self::assertSame($field, $refused->field);
		}
	}

	/** @return array<string, array{callable, string}> */
	public static function refusals(): array
	{
		return [
			'a site number' => [static function (array &$f): void {
				$f['site'] = "74951825168\nnot a number";
			}, 'Site numbers, line 2'],
			'a rule number' => [static function (array &$f): void {
				$f['rules'][2]['number'] = '12';
			}, 'Rule 3, number'],
			'a rule condition' => [static function (array &$f): void {
				$f['rules'][0]['value'] = '';
			}, 'Rule 1, condition'],
			'a number used twice' => [static function (array &$f): void {
				$f['rules'][2]['number'] = '+7 (495) 182-51-68';
			}, 'Rule 3, number'],
			'a pool number' => [static function (array &$f): void {
				$f['pools'][0]['numbers'] = "74990000011\n+7 (499) ABC";
			}, 'Pool 1, numbers, line 2'],
			'a hold time' => [static function (array &$f): void {
				$f['pools'][0]['hold'] = '0';
			}, 'Pool 1, hold time'],
			'a hold time too long' => [static function (array &$f): void {
				$f['pools'][0]['hold'] = (string) (NumberPool::MAX_HOLD_MINUTES + 1);
			}, 'Pool 1, hold time'],
			'no fallback' => [static function (array &$f): void {
				$f['pools'][0]['fallback'] = ' ';
			}, 'Pool 1, fallback number'],
			'a pool without numbers' => [static function (array &$f): void {
				$f['pools'][1]['fallback'] = '74990000029';
			}, 'Pool 2, numbers'],
		];
	}

	public function testTheFirstMatchingPoolWinsThenTheFirstMatchingRule(): void
	{
		$settings = PhoneSettingsForm::parse(self::form());

		$paid = $settings->choose(new SessionOrigin('google', 'cpc', '', '', 'https://shop.example/?gclid=1&utm_source=google'));
		self::assertInstanceOf(NumberPool::class, $paid);
		self::assertSame('74990000001', $settings->choose(new SessionOrigin('google', 'cpc', '', '', 'https://shop.example/?utm_source=google')));
		self::assertSame('74990000002', $settings->choose(new SessionOrigin('(direct)', '(none)', '', '', 'https://shop.example/')));
		self::assertNull($settings->choose(new SessionOrigin('bing.com', 'organic', '', 'https://bing.com/', 'https://shop.example/')));
	}

	public function testStoredSettingsReadBackAndAnythingUnreadableIsNoNumbers(): void
	{
		$stored = json_encode([
			'site' => ['74951825168'],
			'rules' => [['when' => 'utm_source', 'value' => 'google', 'number' => '74990000001']],
			'pools' => [['label' => 'Paid', 'numbers' => ['74990000011'], 'hold' => 20, 'fallback' => '74990000019', 'when' => 'any', 'value' => '']],
		], JSON_THROW_ON_ERROR);
		$settings = PhoneSettings::fromJson($stored);

		self::assertSame(['74951825168'], $settings->site);
		self::assertSame('74990000001', $settings->rules[0]['number']);
		self::assertSame([1, 20, '74990000019'], [$settings->pools[0]->id, $settings->pools[0]->holdMinutes, $settings->pools[0]->fallback]);
		self::assertTrue(PhoneSettings::fromJson('')->isEmpty());
		self::assertTrue(PhoneSettings::fromJson('{not json')->isEmpty());
	}
}
