<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallOptions;
use LeadTrail\PhoneCalls\CallToken;

/**
 * The "Regenerate" link of the calls token (admin-post.php, with a nonce).
 */
final class RegenerateCallToken
{
	public const ACTION = 'leadtrail_regenerate_calls_token';

	public static function url(): string
	{
		return wp_nonce_url(add_query_arg(['action' => self::ACTION], admin_url('admin-post.php')), self::ACTION);
	}

	public function handle(): void
	{
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to change the calls token.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION);

		CallToken::regenerate();
		add_settings_error(
			CallOptions::TOKEN,
			'leadtrail_calls_token_regenerated',
			__('Calls token: a new token was generated. Give it to your telephony provider; the old one is refused from now on.', 'leadtrail'),
			'success'
		);
		set_transient('settings_errors', get_settings_errors(), 30);
		wp_safe_redirect(add_query_arg(['page' => SettingsPage::SLUG, 'settings-updated' => 'true'], admin_url('admin.php')) . '#leadtrail-calls-token');
		exit;
	}
}
