<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Callbacks\CallbacksQuery;
use LeadTrail\Callbacks\CallbackStatus;

/**
 * Marks a callback order called, no answer, done or new again (admin-post.php),
 * from the row actions of LeadTrail > Callbacks, with a nonce for that order.
 */
final class CallbackQueueStatus
{
	public const ACTION = 'leadtrail_callback_status';
	public const PARAM = 'callback';
	private const DONE = 'leadtrail_callback_status_done';

	public static function nonceAction(int $id): string
	{
		return self::ACTION . '_' . $id;
	}

	public static function url(int $id, string $status): string
	{
		return wp_nonce_url(
			add_query_arg(['action' => self::ACTION, self::PARAM => $id, 'status' => $status], admin_url('admin-post.php')),
			self::nonceAction($id)
		);
	}

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to change callbacks.', 'leadtrail'), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated where it is read (an id or one of fixed values); check_admin_referer() ran first
		$id = QueryParam::id(isset($_REQUEST[self::PARAM]) ? wp_unslash($_REQUEST[self::PARAM]) : null);
		if ($id === null) {
			wp_die(esc_html__('This callback order does not exist.', 'leadtrail'), '', ['response' => 404]);
		}
		check_admin_referer(self::nonceAction($id));

		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated where it is read (an id or one of fixed values); check_admin_referer() ran first
		$status = isset($_REQUEST['status']) && is_string($_REQUEST['status']) ? wp_unslash($_REQUEST['status']) : '';
		if (!in_array($status, CallbackStatus::QUEUE, true)) {
			wp_die(esc_html__('Choose new, called, no answer or done.', 'leadtrail'), '', ['response' => 400]);
		}
		if (!(new CallbacksQuery($wpdb))->setStatus($id, $status)) {
			wp_die(esc_html__('This callback order does not exist.', 'leadtrail'), '', ['response' => 404]);
		}

		$back = wp_get_referer();
		$back = $back === false ? admin_url('admin.php?page=' . CallbacksPage::SLUG) : $back;
		wp_safe_redirect(add_query_arg(self::DONE, $status, remove_query_arg(self::DONE, $back)));
		exit;
	}

	public static function notice(): void
	{
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the notice after our own redirect, compared with fixed values
		$status = isset($_GET[self::DONE]) && is_string($_GET[self::DONE]) ? wp_unslash($_GET[self::DONE]) : null;
		if (!in_array($status, CallbackStatus::QUEUE, true)) {
			return;
		}
		printf(
			'<div class="notice notice-success is-dismissible"><p>%s</p></div>',
			esc_html(sprintf(
				/* translators: %s: the new status, e.g. Called */
				__('The callback order was marked: %s.', 'leadtrail'),
				CallbacksPage::statusLabel($status)
			))
		);
	}
}
