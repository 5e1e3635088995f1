<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Options;

/**
 * Which employee groups an operator answers chats for (docs/contracts.md, "Chat"):
 * the user meta META, a list of group ids, set by an administrator on the user's
 * profile. A chat opened for a group is listed to, and can be taken by, that group's
 * operators only; a chat without a group, or for a group no operator belongs to (so
 * that no chat is left where nobody sees it), by every operator.
 */
final class OperatorGroups
{
	public const META = 'leadtrail_chat_groups';
	private const FIELD = 'leadtrail_chat_groups';
	private const NONCE = 'leadtrail_chat_groups_nonce';

	/** @param array<int, list<int>> $members group id => its operators' user ids */
	private function __construct(private readonly array $members)
	{
	}

	/** The current membership of every group, from the users with the operator capability. */
	public static function load(): self
	{
		$members = [];
		$users = get_users(['capability' => OperatorRole::CAPABILITY, 'fields' => 'ID', 'number' => 500]);
		foreach ($users as $id) {
			foreach (self::of((int) $id) as $group) {
				$members[$group][] = (int) $id;
			}
		}
		return new self($members);
	}

	/** @return list<int> the groups the user answers for */
	public static function of(int $userId): array
	{
		$groups = get_user_meta($userId, self::META, true);
		return is_array($groups) ? array_values(array_filter(array_map('intval', $groups), static fn (int $id): bool => $id > 0)) : [];
	}

	/** Whether a chat for $groupId (0: none) is the operator's to see and take. */
	public function routes(int $groupId, int $userId): bool
	{
		$members = $this->members[$groupId] ?? [];
		return $groupId === 0 || $members === [] || in_array($userId, $members, true);
	}

	public static function register(): void
	{
		add_action('show_user_profile', [self::class, 'render']);
		add_action('edit_user_profile', [self::class, 'render']);
		add_action('personal_options_update', [self::class, 'save']);
		add_action('edit_user_profile_update', [self::class, 'save']);
	}

	/** The profile's "Chat groups" checkboxes: shown for operators, editable by administrators. */
	public static function render(\WP_User $user): void
	{
		$groups = self::groups()->all();
		if ($groups === [] || !OperatorRole::can($user->ID)) {
			return;
		}
		$mine = self::of($user->ID);
		$editable = current_user_can('manage_options');
		echo '<h2>' . esc_html__('LeadTrail chats', 'leadtrail') . '</h2><table class="form-table" role="presentation"><tr><th scope="row">'
			. esc_html__('Chat groups', 'leadtrail') . '</th><td><fieldset><legend class="screen-reader-text">'
			. esc_html__('Chat groups', 'leadtrail') . '</legend>';
		foreach ($groups as $group) {
			printf(
				'<label><input type="checkbox" name="%s[]" value="%d"%s%s> %s</label><br>',
				esc_attr(self::FIELD),
				(int) $group->id,
				checked(in_array($group->id, $mine, true), true, false),
				disabled($editable, false, false),
				esc_html($group->name)
			);
		}
		echo '<p class="description">' . esc_html__('Chats opened for a group are offered to its operators only (to every operator while the group has none).', 'leadtrail') . '</p>';
		if ($editable) {
			wp_nonce_field(self::NONCE, self::NONCE);
		}
		echo '</fieldset></td></tr></table>';
	}

	/** Saves the checkboxes: only an administrator who may edit the user, with the form's nonce. */
	public static function save(int $userId): void
	{
		if (!current_user_can('manage_options') || !current_user_can('edit_user', $userId)
			|| !isset($_POST[self::NONCE]) || wp_verify_nonce(sanitize_key(wp_unslash($_POST[self::NONCE])), self::NONCE) === false) {
			return;
		}
		$posted = isset($_POST[self::FIELD]) && is_array($_POST[self::FIELD]) ? array_map('intval', wp_unslash($_POST[self::FIELD])) : [];
		$groups = self::groups();
		update_user_meta($userId, self::META, array_values(array_unique(array_filter($posted, [$groups, 'has']))));
	}

	private static function groups(): EmployeeGroups
	{
		return EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'));
	}
}
