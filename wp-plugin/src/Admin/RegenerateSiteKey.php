<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Identity\Secrets;
use LeadTrail\Options;

/**
 * The "Regenerate" button of the settings page (admin-post.php).
 */
final class RegenerateSiteKey
{
	public const ACTION = 'leadtrail_regenerate_site_key';
	/** Not "_wpnonce": the settings form on the same page has that field id already. */
	public const NONCE = 'leadtrail_nonce';

	public function handle(): void
	{
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to change the site key.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION, self::NONCE);

		update_option(Options::SITE_KEY, Secrets::siteKey(), true);

		add_settings_error(
			Options::SITE_KEY,
			'leadtrail_site_key_regenerated',
			__('Site key: a new key was generated. The embed code on your pages uses it from now on.', 'leadtrail'),
			'success'
		);
		// The same hand-over options.php uses, so settings_errors() shows it after the redirect.
		set_transient('settings_errors', get_settings_errors(), 30);
		wp_safe_redirect(add_query_arg(
			['page' => SettingsPage::SLUG, 'settings-updated' => 'true'],
			admin_url('admin.php')
		));
		exit;
	}
}
