<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

use LeadTrail\Admin\Menu;
use LeadTrail\Admin\SettingsPage;
use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * LeadTrail > Phone numbers (`admin.php?page=leadtrail-phone-numbers`): the site's
 * own numbers, the static numbers by traffic source and the pools, saved through
 * admin-post.php with a nonce. Input that cannot be saved is shown again with the
 * message naming its field, and the saved settings stay as they were.
 */
final class PhoneNumbersPage
{
	public const SLUG = 'leadtrail-phone-numbers';
	public const ACTION = 'leadtrail_save_phone_numbers';
	/** Empty rows the form offers for new rules and a new pool. */
	private const BLANK_RULES = 3;
	private const DRAFT_SECONDS = 300;

	/** The submenu entry (admin_menu, a later priority than Menu). */
	public function addToMenu(): void
	{
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail phone numbers', 'leadtrail'),
			__('Phone numbers', 'leadtrail'),
			Menu::CAPABILITY,
			self::SLUG,
			[$this, 'render']
		);
	}

	public static function settings(): PhoneSettings
	{
		return PhoneSettings::fromJson((string) get_option(Options::PHONE_NUMBERS, ''));
	}

	public function render(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to manage phone numbers.', 'leadtrail'), '', ['response' => 403]);
		}
		$draft = get_transient(self::draftKey());
		delete_transient(self::draftKey());
		$settings = self::settings();
		$values = is_array($draft) && is_array($draft['values'] ?? null) ? $draft['values'] : self::values($settings);
		$view = [
			'values' => $values,
			'error' => is_array($draft) ? (string) ($draft['error'] ?? '') : '',
			// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only says which notice to show.
			'saved' => isset($_GET['saved']) && !is_array($draft),
			'pools' => (new NumberTable($wpdb))->poolState(Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now()),
			'cloud' => get_option(Options::MODE) === Options::MODE_CLOUD,
			'kinds' => self::kindLabels(),
			'blankRules' => self::BLANK_RULES,
		];
		require dirname(__DIR__, 2) . '/templates/phone-numbers.php';
	}

	/** admin-post.php: saves the form, or keeps it as a draft with the error. */
	public static function save(): void
	{
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to manage phone numbers.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION);
		global $wpdb;
		$post = wp_unslash($_POST);
		$back = admin_url('admin.php?page=' . self::SLUG);
		try {
			$settings = PhoneSettingsForm::parse(is_array($post) ? $post : []);
		} catch (InvalidPhoneSettings $invalid) {
			self::keepDraft($post, $invalid->getMessage());
			wp_safe_redirect($back);
			exit;
		}
		if (!(new NumberTable($wpdb))->sync($settings)) {
			self::keepDraft($post, __('The database refused the numbers; nothing was changed. Try again.', 'leadtrail'));
			wp_safe_redirect($back);
			exit;
		}
		update_option(Options::PHONE_NUMBERS, $settings->toJson(), false);
		wp_safe_redirect(add_query_arg('saved', '1', $back));
		exit;
	}

	/** @return array<string, string> rule kind => what the screen calls it */
	public static function kindLabels(): array
	{
		return [
			'utm_source' => __('utm_source is', 'leadtrail'),
			'utm_medium' => __('utm_medium is', 'leadtrail'),
			'utm_campaign' => __('utm_campaign is', 'leadtrail'),
			'organic' => __('organic search from (google, yandex, bing…; empty: any)', 'leadtrail'),
			'referrer' => __('referrer domain is', 'leadtrail'),
			'click_id' => __('paid click id present (gclid, yclid, fbclid, msclkid; empty: any)', 'leadtrail'),
			'direct' => __('direct', 'leadtrail'),
			'any' => __('any source', 'leadtrail'),
		];
	}

	/**
	 * The form's values for stored settings: numbers formatted.
	 *
	 * @return array{site: string, rules: list<array<string, string>>, pools: list<array<string, string>>}
	 */
	public static function values(PhoneSettings $settings): array
	{
		$lines = static fn (array $numbers): string => implode("\n", array_map([PhoneNumber::class, 'format'], $numbers));
		return [
			'site' => $lines($settings->site),
			'rules' => array_map(static fn (array $r): array => [
				'when' => $r['rule']->kind,
				'value' => $r['rule']->value,
				'number' => PhoneNumber::format($r['number']),
			], $settings->rules),
			'pools' => array_map(static fn (NumberPool $p): array => [
				'label' => $p->label,
				'numbers' => $lines($p->numbers),
				'hold' => (string) $p->holdMinutes,
				'when' => $p->rule->kind,
				'value' => $p->rule->value,
				'fallback' => $p->fallback === '' ? '' : PhoneNumber::format($p->fallback),
			], $settings->pools),
		];
	}

	/** @param mixed $post */
	private static function keepDraft(mixed $post, string $error): void
	{
		$post = is_array($post) ? $post : [];
		$values = [
			'site' => is_string($post['site'] ?? null) ? $post['site'] : '',
			'rules' => self::stringRows($post['rules'] ?? null, ['when', 'value', 'number']),
			'pools' => self::stringRows($post['pools'] ?? null, ['label', 'numbers', 'hold', 'when', 'value', 'fallback']),
		];
		set_transient(self::draftKey(), ['values' => $values, 'error' => $error], self::DRAFT_SECONDS);
	}

	/**
	 * @param list<string> $keys
	 * @return list<array<string, string>>
	 */
	private static function stringRows(mixed $rows, array $keys): array
	{
		$out = [];
		foreach (is_array($rows) ? $rows : [] as $row) {
			if (is_array($row)) {
				$out[] = array_combine($keys, array_map(static fn (string $k): string => is_string($row[$k] ?? null) ? $row[$k] : '', $keys));
			}
		}
		return $out;
	}

	private static function draftKey(): string
	{
		return 'leadtrail_phone_numbers_draft_' . get_current_user_id();
	}
}
