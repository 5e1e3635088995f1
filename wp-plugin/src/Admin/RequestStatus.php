<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\RequestsQuery;

/**
 * Marks a request processed or new again (admin-post.php): a POST from the
 * request's page or a link from the list, both with a nonce for that request.
 */
final class RequestStatus
{
	public const ACTION = 'leadtrail_request_status';
	private const DONE = 'leadtrail_status';

	public static function nonceAction(int $id): string
	{
		return self::ACTION . '_' . $id;
	}

	/** The list's link; the request's page posts a form with the same fields. */
	public static function url(int $id, string $status): string
	{
		return wp_nonce_url(
			add_query_arg(['action' => self::ACTION, RequestPage::PARAM => $id, 'status' => $status], admin_url('admin-post.php')),
			self::nonceAction($id)
		);
	}

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to change requests.', 'leadtrail'), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated where it is read (an id or one of fixed values); check_admin_referer() ran first
		$id = QueryParam::id(isset($_REQUEST[RequestPage::PARAM]) ? wp_unslash($_REQUEST[RequestPage::PARAM]) : null);
		if ($id === null) {
			wp_die(esc_html__('This request does not exist.', 'leadtrail'), '', ['response' => 404]);
		}
		check_admin_referer(self::nonceAction($id));

		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated where it is read (an id or one of fixed values); check_admin_referer() ran first
		$status = isset($_REQUEST['status']) && is_string($_REQUEST['status']) ? wp_unslash($_REQUEST['status']) : '';
		if (!in_array($status, RequestFilter::STATUSES, true)) {
			wp_die(esc_html__('Choose new or processed.', 'leadtrail'), '', ['response' => 400]);
		}
		if (!(new RequestsQuery($wpdb))->setStatus($id, $status)) {
			wp_die(esc_html__('This request does not exist.', 'leadtrail'), '', ['response' => 404]);
		}

		// Back where the action came from (the list keeps its filters), or to the request.
		$back = wp_get_referer();
		$back = $back === false ? RequestPage::url($id) : $back;
		wp_safe_redirect(add_query_arg(self::DONE, $status, remove_query_arg(self::DONE, $back)));
		exit;
	}

	/** The notice after a change, on the page the handler sent the user back to. */
	public static function notice(): void
	{
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the notice after our own redirect, compared with fixed values
		$status = isset($_GET[self::DONE]) && is_string($_GET[self::DONE]) ? wp_unslash($_GET[self::DONE]) : null;
		if (!in_array($status, RequestFilter::STATUSES, true)) {
			return;
		}
		printf(
			'<div class="notice notice-success is-dismissible"><p>%s</p></div>',
			esc_html($status === 'processed'
				? __('The request was marked processed.', 'leadtrail')
				: __('The request was marked new.', 'leadtrail'))
		);
	}
}
