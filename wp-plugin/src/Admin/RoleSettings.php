<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Chat\OperatorRole;
use LeadTrail\Reports\ReportAccess;

/**
 * The "Roles" part of LeadTrail > Settings: which roles may read the reports and answer
 * chats. The capabilities live on the roles themselves (WP_Role::add_cap), not in an
 * option, so the form posts to admin-post.php rather than through options.php.
 */
final class RoleSettings
{
	public const ACTION = 'leadtrail_save_roles';
	/** Not "_wpnonce": the settings form on the same page has that field id already. */
	public const NONCE = 'leadtrail_roles_nonce';
	public const FIELD = 'leadtrail_roles';

	/** @return array<string, string> capability => its column's label */
	private static function capabilities(): array
	{
		return [
			ReportAccess::CAPABILITY => __('View reports', 'leadtrail'),
			OperatorRole::CAPABILITY => __('Answer chats', 'leadtrail'),
		];
	}

	public function render(): void
	{
		$view = ['capabilities' => self::capabilities()];
		require dirname(__DIR__, 2) . '/templates/settings/roles.php';
	}

	public function handle(): void
	{
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to change the roles.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION, self::NONCE);

		$roles = array_map('strval', array_keys(wp_roles()->role_names));
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- every name is compared with the site's roles, and shown escaped when it is none
		$posted = isset($_POST[self::FIELD]) ? wp_unslash($_POST[self::FIELD]) : [];
		$grants = RoleGrants::fromForm($posted, array_keys(self::capabilities()), $roles);
		if ($grants instanceof RoleGrants) {
			foreach ($roles as $role) {
				$this->apply($role, $grants);
			}
			add_settings_error(self::FIELD, 'leadtrail_roles_saved', __('Roles: saved.', 'leadtrail'), 'success');
		} else {
			add_settings_error(self::FIELD, 'leadtrail_roles_invalid', sprintf(
				/* translators: %s: the role name that was posted */
				esc_html__('Roles: “%s” is not a role of this site. Nothing was changed.', 'leadtrail'),
				// settings_errors() prints the message as HTML: the name is text.
				esc_html(mb_substr($grants, 0, 60))
			));
		}
		// The same hand-over options.php uses, so settings_errors() shows it after the redirect.
		set_transient('settings_errors', get_settings_errors(), 30);
		wp_safe_redirect(add_query_arg(
			['page' => SettingsPage::SLUG, 'settings-updated' => 'true'],
			admin_url('admin.php')
		));
		exit;
	}

	/** Adds or removes each capability where it differs: every change rewrites the stored roles. */
	private function apply(string $role, RoleGrants $grants): void
	{
		$object = get_role($role);
		if ($object === null) {
			return;
		}
		foreach (array_keys(self::capabilities()) as $capability) {
			$wanted = $grants->grants($role, $capability);
			if ($wanted && !$object->has_cap($capability)) {
				$object->add_cap($capability);
			} elseif (!$wanted && $object->has_cap($capability)) {
				$object->remove_cap($capability);
			}
		}
	}
}
