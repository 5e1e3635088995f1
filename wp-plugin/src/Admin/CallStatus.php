<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallsQuery;

/**
 * Marks a call processed or new again, from the row actions of LeadTrail > Calls.
 */
final class CallStatus
{
	public const ACTION = 'leadtrail_call_status';

	public static function action(): StatusAction
	{
		return new StatusAction(
			self::ACTION,
			'call',
			'leadtrail_call_status_done',
			CallFilter::PROCESSING,
			static fn (\wpdb $wpdb, int $id, string $status): bool => (new CallsQuery($wpdb))->setStatus($id, $status),
			static fn (int $id): string => admin_url('admin.php?page=' . CallsPage::SLUG),
			[
				'forbidden' => __('Sorry, you are not allowed to change calls.', 'leadtrail'),
				'missing' => __('This call does not exist.', 'leadtrail'),
				'choose' => __('Choose new or processed.', 'leadtrail'),
			],
			static fn (string $status): string => $status === 'processed'
				? __('The call was marked processed.', 'leadtrail')
				: __('The call was marked new.', 'leadtrail'),
		);
	}

	public static function label(?string $status): string
	{
		return $status === 'processed' ? __('Processed', 'leadtrail') : __('New', 'leadtrail');
	}
}
