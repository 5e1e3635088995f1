<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Callbacks\PhoneMask;
use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Options;

/**
 * The "Callbacks" section of LeadTrail > Settings: the scenario switch
 * (A10 status 2), the captcha (A8), the default phone mask (A9) and where the
 * notices of orders go. Saved with the page's other settings (options.php checks
 * the nonce and capability).
 */
final class CallbackSettings
{
	private const SECTION = 'leadtrail_callbacks';

	public function register(): void
	{
		foreach ([Options::CALLBACK_ENABLED, Options::CALLBACK_CAPTCHA] as $flag) {
			register_setting(SettingsPage::GROUP, $flag, [
				'type' => 'integer',
				'sanitize_callback' => static fn (mixed $value): int => empty($value) ? 0 : 1,
				'default' => 1,
			]);
		}
		register_setting(SettingsPage::GROUP, Options::PHONE_MASK, [
			'type' => 'string',
			'sanitize_callback' => [$this, 'sanitizeMask'],
			'default' => '',
		]);
		register_setting(SettingsPage::GROUP, Options::CALLBACK_NOTIFY_EMAIL, [
			'type' => 'string',
			'sanitize_callback' => [$this, 'sanitizeEmail'],
			'default' => '',
		]);

		add_settings_section(self::SECTION, __('Callbacks', 'leadtrail'), [$this, 'intro'], SettingsPage::SLUG);
		add_settings_field(Options::CALLBACK_ENABLED, __('Scenario', 'leadtrail'), [$this, 'flagField'], SettingsPage::SLUG, self::SECTION, [
			'label_for' => Options::CALLBACK_ENABLED,
			'label' => __('Callback scenario set up (when off, callback orders are answered with status 2)', 'leadtrail'),
		]);
		add_settings_field(Options::CALLBACK_CAPTCHA, __('Captcha', 'leadtrail'), [$this, 'flagField'], SettingsPage::SLUG, self::SECTION, [
			'label_for' => Options::CALLBACK_CAPTCHA,
			'label' => __('Captcha on the callback form', 'leadtrail'),
			'description' => __('While this is on, every callback order must carry a captcha. Pages that call ComagicWidget.sitePhoneCall() from their own forms must send captcha_key and captcha_value (from Comagic.Captcha.get_captcha()); an order without them is answered with status 1 (wrong captcha) and not taken. If such forms send no captcha, turn this off.', 'leadtrail'),
		]);
		add_settings_field(Options::PHONE_MASK, __('Phone mask', 'leadtrail'), [$this, 'maskField'], SettingsPage::SLUG, self::SECTION, [
			'label_for' => Options::PHONE_MASK,
		]);
		add_settings_field(Options::CALLBACK_NOTIFY_EMAIL, __('Notice e-mail', 'leadtrail'), [$this, 'emailField'], SettingsPage::SLUG, self::SECTION, [
			'label_for' => Options::CALLBACK_NOTIFY_EMAIL,
		]);
	}

	public function intro(): void
	{
		echo '<p>' . esc_html__('Callback orders come from ComagicWidget.sitePhoneCall() and the callback form (ComagicWidget.openSitePhonePanel()). At most 10 are accepted on the site in any minute. They are listed under LeadTrail > Callbacks.', 'leadtrail') . '</p>';
	}

	public function sanitizeMask(mixed $value): string
	{
		$mask = PhoneMask::parse($value);
		if ($mask !== null) {
			return $mask;
		}
		add_settings_error(
			Options::PHONE_MASK,
			'leadtrail_phone_mask_invalid',
			sprintf(
				/* translators: 1: most characters, 2: fewest digits, 3: most digits */
				__('Phone mask: use at most %1$d characters with %2$d to %3$d “_” (one per digit), such as +7 (___) ___-__-__. The previous mask was kept.', 'leadtrail'),
				PhoneMask::MAX_LENGTH,
				PhoneMask::MIN_DIGITS,
				PhoneMask::MAX_DIGITS
			)
		);
		return PhoneMask::parse(get_option(Options::PHONE_MASK, '')) ?? '';
	}

	public function sanitizeEmail(mixed $value): string
	{
		$email = is_string($value) ? trim($value) : '';
		if ($email === '' || (strlen($email) <= EmailAddress::MAX_LENGTH && is_email($email) !== false)) {
			return $email;
		}
		add_settings_error(
			Options::CALLBACK_NOTIFY_EMAIL,
			'leadtrail_callback_email_invalid',
			__('Notice e-mail: enter one e-mail address, or leave it empty. The previous address was kept.', 'leadtrail')
		);
		return (string) get_option(Options::CALLBACK_NOTIFY_EMAIL, '');
	}

	/** @param array{label_for: string, label: string, description?: string} $args */
	public function flagField(array $args): void
	{
		printf(
			'<label><input type="checkbox" id="%1$s" name="%1$s" value="1" %2$s> %3$s</label>',
			esc_attr($args['label_for']),
			checked((string) get_option($args['label_for'], '1'), '1', false),
			esc_html($args['label'])
		);
		if (isset($args['description'])) {
			printf('<p class="description" id="%s-description">%s</p>', esc_attr($args['label_for']), esc_html($args['description']));
		}
	}

	public function maskField(): void
	{
		printf(
			'<input type="text" class="regular-text code" id="%1$s" name="%1$s" value="%2$s" maxlength="%3$d" placeholder="+7 (___) ___-__-__"><p class="description">%4$s</p>',
			esc_attr(Options::PHONE_MASK),
			esc_attr((string) get_option(Options::PHONE_MASK, '')),
			absint(PhoneMask::MAX_LENGTH),
			esc_html__('The phone input mask of the callback form: “_” is a digit the visitor types (7 to 15 of them); other characters are shown as they are. Pages can still set their own with __cs.push(["setUIPhoneMaskFormat", "..."]). Leave empty for none.', 'leadtrail')
		);
	}

	public function emailField(): void
	{
		printf(
			'<input type="email" class="regular-text" id="%1$s" name="%1$s" value="%2$s"><p class="description">%3$s</p>',
			esc_attr(Options::CALLBACK_NOTIFY_EMAIL),
			esc_attr((string) get_option(Options::CALLBACK_NOTIFY_EMAIL, '')),
			esc_html__('Each new order is e-mailed to its employee group’s address; orders without one go to this address, or to the site admin when it is empty.', 'leadtrail')
		);
	}
}
