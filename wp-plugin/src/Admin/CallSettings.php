<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\PhoneCalls\CallOptions;
use LeadTrail\PhoneCalls\CallToken;
use LeadTrail\PhoneCalls\CallWebhook;

/**
 * The "Calls" section of LeadTrail > Settings: the calls webhook's address and
 * secret token (with a nonce'd link that replaces it), and the missed-call notice.
 */
final class CallSettings
{
	private const SECTION = 'leadtrail_calls';

	public function register(): void
	{
		register_setting(SettingsPage::GROUP, CallOptions::NOTIFY_MISSED, [
			'type' => 'integer',
			'sanitize_callback' => static fn (mixed $value): int => empty($value) ? 0 : 1,
			'default' => 0,
		]);
		register_setting(SettingsPage::GROUP, CallOptions::NOTIFY_EMAIL, [
			'type' => 'string',
			'sanitize_callback' => [$this, 'sanitizeEmail'],
			'default' => '',
		]);
		add_settings_section(self::SECTION, __('Calls', 'leadtrail'), [$this, 'intro'], SettingsPage::SLUG);
		add_settings_field('leadtrail_calls_webhook', __('Calls webhook', 'leadtrail'), [$this, 'webhookField'], SettingsPage::SLUG, self::SECTION);
		add_settings_field(CallOptions::NOTIFY_MISSED, __('Missed calls', 'leadtrail'), [$this, 'notifyField'], SettingsPage::SLUG, self::SECTION, [
			'label_for' => CallOptions::NOTIFY_MISSED,
		]);
		add_settings_field(CallOptions::NOTIFY_EMAIL, __('Missed-call e-mail', 'leadtrail'), [$this, 'emailField'], SettingsPage::SLUG, self::SECTION, [
			'label_for' => CallOptions::NOTIFY_EMAIL,
		]);
	}

	public function intro(): void
	{
		echo '<p>' . esc_html__('Your telephony provider or PBX reports each call to the webhook below; call logs can also be imported under LeadTrail > Calls > Import. The fields and example requests are in the plugin’s docs/contracts.md, section “Calls”.', 'leadtrail') . '</p>';
	}

	public function webhookField(): void
	{
		printf(
			'<p>%s <code id="leadtrail-calls-url">%s</code></p><p>%s <code id="leadtrail-calls-token" style="user-select: all;">%s</code> <a class="button" id="leadtrail-calls-token-regenerate" href="%s" onclick="return window.confirm(%s);">%s</a></p><p class="description">%s</p>',
			esc_html__('POST to', 'leadtrail'),
			esc_html(rest_url(CallWebhook::NAMESPACE . CallWebhook::ROUTE)),
			esc_html__('with the header “Authorization: Bearer” and the token', 'leadtrail'),
			esc_html(CallToken::current()),
			esc_url(RegenerateCallToken::url()),
			esc_attr(wp_json_encode(__('Generate a new calls token? The provider must send the new one from now on.', 'leadtrail'))),
			esc_html__('Regenerate', 'leadtrail'),
			esc_html__('Keep the token secret: anyone who has it can add calls. A provider that cannot send headers may send it as a “token” field instead.', 'leadtrail')
		);
	}

	public function notifyField(): void
	{
		printf(
			'<label><input type="checkbox" id="%1$s" name="%1$s" value="1" %2$s> %3$s</label>',
			esc_attr(CallOptions::NOTIFY_MISSED),
			checked((string) get_option(CallOptions::NOTIFY_MISSED, '0'), '1', false),
			esc_html__('E-mail a notice of each missed call', 'leadtrail')
		);
	}

	public function emailField(): void
	{
		printf(
			'<input type="email" class="regular-text" id="%1$s" name="%1$s" value="%2$s"><p class="description">%3$s</p>',
			esc_attr(CallOptions::NOTIFY_EMAIL),
			esc_attr((string) get_option(CallOptions::NOTIFY_EMAIL, '')),
			esc_html__('Where missed-call notices go; the site admin when empty.', 'leadtrail')
		);
	}

	public function sanitizeEmail(mixed $value): string
	{
		$email = is_string($value) ? trim($value) : '';
		if ($email === '' || (strlen($email) <= EmailAddress::MAX_LENGTH && is_email($email) !== false)) {
			return $email;
		}
		add_settings_error(
			CallOptions::NOTIFY_EMAIL,
			'leadtrail_calls_email_invalid',
			__('Missed-call e-mail: enter one e-mail address, or leave it empty. The previous address was kept.', 'leadtrail')
		);
		return (string) get_option(CallOptions::NOTIFY_EMAIL, '');
	}
}
