<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Cloud\Forwarder;
use LeadTrail\Cloud\Outbox;
use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * Sends a request to the vendor again (cloud mode): a POST from the request's page with a nonce
 * for that request. Only a pending or failed delivery can be resent; a delivered one or one being
 * sent is left alone, so a click never makes a second copy of a delivered lead.
 */
final class ResendRequest
{
	public const ACTION = 'leadtrail_resend';
	private const DONE = 'leadtrail_resent';

	public static function nonceAction(int $id): string
	{
		return self::ACTION . '_' . $id;
	}

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to change requests.', 'leadtrail'), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- validated where it is read (an id or one of fixed values); check_admin_referer() ran first
		$id = QueryParam::id(isset($_POST[RequestPage::PARAM]) ? wp_unslash($_POST[RequestPage::PARAM]) : null);
		if ($id === null) {
			wp_die(esc_html__('This request does not exist.', 'leadtrail'), '', ['response' => 404]);
		}
		check_admin_referer(self::nonceAction($id));

		$now = Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
		$done = (new Outbox($wpdb))->resend($id, $now);
		if ($done) {
			Forwarder::soon();
		}
		wp_safe_redirect(add_query_arg(self::DONE, $done ? '1' : '0', RequestPage::url($id)));
		exit;
	}

	public static function notice(): void
	{
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the notice after our own redirect, compared with fixed values
		$done = isset($_GET[self::DONE]) && is_string($_GET[self::DONE]) ? wp_unslash($_GET[self::DONE]) : null;
		if ($done === null) {
			return;
		}
		printf(
			'<div class="notice notice-%s is-dismissible"><p>%s</p></div>',
			// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- one of two fixed class names
			$done === '1' ? 'success' : 'warning',
			esc_html($done === '1'
				? __('The request will be sent to CoMagic again in a moment.', 'leadtrail')
				: __('The request cannot be sent again: it was delivered, or is being sent right now.', 'leadtrail'))
		);
	}
}
