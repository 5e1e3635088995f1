<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallsQuery;

/**
 * Marks a call processed or new again (admin-post.php), from the row actions of
 * LeadTrail > Calls, with a nonce for that call.
 */
final class CallStatus
{
	public const ACTION = 'leadtrail_call_status';
	public const PARAM = 'call';
	private const DONE = 'leadtrail_call_status_done';

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

	public static function label(?string $status): string
	{
		return $status === 'processed' ? __('Processed', 'leadtrail') : __('New', 'leadtrail');
	}

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to change calls.', 'leadtrail'), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated where it is read (an id or one of fixed values); check_admin_referer() ran first
		$id = QueryParam::id(isset($_REQUEST[self::PARAM]) ? wp_unslash($_REQUEST[self::PARAM]) : null);
		if ($id === null) {
			wp_die(esc_html__('This call does not exist.', 'leadtrail'), '', ['response' => 404]);
		}
		check_admin_referer(self::nonceAction($id));

		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated where it is read (an id or one of fixed values); check_admin_referer() ran first
		$status = isset($_REQUEST['status']) && is_string($_REQUEST['status']) ? wp_unslash($_REQUEST['status']) : '';
		if (!in_array($status, CallFilter::PROCESSING, true)) {
			wp_die(esc_html__('Choose new or processed.', 'leadtrail'), '', ['response' => 400]);
		}
		if (!(new CallsQuery($wpdb))->setStatus($id, $status)) {
			wp_die(esc_html__('This call does not exist.', 'leadtrail'), '', ['response' => 404]);
		}
		$back = wp_get_referer();
		$back = $back === false ? admin_url('admin.php?page=' . CallsPage::SLUG) : $back;
		wp_safe_redirect(add_query_arg(self::DONE, $status, remove_query_arg(self::DONE, $back)));
		exit;
	}

	/** The notice after a change, on the page the handler sent the user back to. */
	public static function notice(): void
	{
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the notice after our own redirect, compared with fixed values
		$status = isset($_GET[self::DONE]) && is_string($_GET[self::DONE]) ? wp_unslash($_GET[self::DONE]) : null;
		if (!in_array($status, CallFilter::PROCESSING, true)) {
			return;
		}
		printf(
			'<div class="notice notice-success is-dismissible"><p>%s</p></div>',
			esc_html($status === 'processed' ? __('The call was marked processed.', 'leadtrail') : __('The call was marked new.', 'leadtrail'))
		);
	}
}
