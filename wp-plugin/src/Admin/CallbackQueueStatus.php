<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Callbacks\CallbacksQuery;
use LeadTrail\Callbacks\CallbackStatus;

/**
 * Marks a callback order called, no answer, done or new again, from the row actions of
 * LeadTrail > Callbacks.
 */
final class CallbackQueueStatus
{
	public const ACTION = 'leadtrail_callback_status';

	public static function action(): StatusAction
	{
		return new StatusAction(
			self::ACTION,
			'callback',
			'leadtrail_callback_status_done',
			CallbackStatus::QUEUE,
			static fn (\wpdb $wpdb, int $id, string $status): bool => (new CallbacksQuery($wpdb))->setStatus($id, $status),
			static fn (int $id): string => admin_url('admin.php?page=' . CallbacksPage::SLUG),
			[
				'forbidden' => __('Sorry, you are not allowed to change callbacks.', 'leadtrail'),
				'missing' => __('This callback order does not exist.', 'leadtrail'),
				'choose' => __('Choose new, called, no answer or done.', 'leadtrail'),
			],
			static fn (string $status): string => sprintf(
				/* translators: %s: the new status, e.g. Called */
				__('The callback order was marked: %s.', 'leadtrail'),
				CallbacksPage::statusLabel($status)
			),
		);
	}
}
