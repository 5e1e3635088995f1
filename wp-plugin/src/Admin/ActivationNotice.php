<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Options;

/**
 * The notice shown once after activation, to an administrator.
 */
final class ActivationNotice
{
	public function show(): void
	{
		if (!current_user_can(Menu::CAPABILITY) || !get_option(Options::ACTIVATION_NOTICE)) {
			return;
		}
		delete_option(Options::ACTIVATION_NOTICE);

		printf(
			'<div class="notice notice-success is-dismissible"><p>%s <a href="%s">%s</a></p></div>',
			esc_html__('LeadTrail is active in self-hosted mode: this site now runs the CoMagic JS API and records visitors, sessions and page views in its own database.', 'leadtrail'),
			esc_url(admin_url('admin.php?page=' . SettingsPage::SLUG)),
			esc_html__('Open the LeadTrail settings', 'leadtrail')
		);
	}
}
