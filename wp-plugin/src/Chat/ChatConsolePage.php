<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Admin\SettingsPage;
use LeadTrail\Routes\PublicRoutes;

/**
 * LeadTrail > Chats (`admin.php?page=leadtrail-chats`), the operator console: the
 * page is markup and texts; leadtrail-chat-console.js runs it through the operator
 * routes. Being on it makes the operator available (its heartbeats); the menu entry
 * shows how many chats wait.
 */
final class ChatConsolePage
{
	public const SLUG = 'leadtrail-chats';

	public function addToMenu(): void
	{
		global $wpdb;
		$waiting = 0;
		try {
			$waiting = current_user_can(OperatorRole::CAPABILITY) ? (new ChatStore($wpdb))->waitingCount() : 0;
		} catch (\LeadTrail\Ingest\StorageUnavailable) {
			// The menu stays without its count; the console says what is wrong.
		}
		$badge = $waiting > 0
			? ' <span class="awaiting-mod count-' . $waiting . '"><span class="pending-count">' . number_format_i18n($waiting) . '</span></span>'
			: '';
		$hook = add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail chats', 'leadtrail'),
			__('Chats', 'leadtrail') . $badge,
			OperatorRole::CAPABILITY,
			self::SLUG,
			[$this, 'render']
		);
		if (is_string($hook)) {
			add_action('load-' . $hook, [$this, 'enqueue']);
		}
	}

	public function enqueue(): void
	{
		wp_enqueue_script(
			'leadtrail-chat-console',
			plugins_url('assets/build/leadtrail-chat-console.js', LEADTRAIL_FILE),
			[],
			LEADTRAIL_VERSION,
			true
		);
	}

	public function render(): void
	{
		if (!current_user_can(OperatorRole::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to answer chats.', 'leadtrail'), '', ['response' => 403]);
		}
		$view = [
			'rest' => rest_url(PublicRoutes::NAMESPACE . '/'),
			'nonce' => wp_create_nonce('wp_rest'),
			'user' => get_current_user_id(),
			'texts' => ChatConsoleTexts::all(),
		];
		require dirname(__DIR__, 2) . '/templates/chat-console.php';
	}
}
