<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\RequestsQuery;

/**
 * Marks a request processed or new again: a link from LeadTrail > Requests, or the
 * request's page posting the same fields.
 */
final class RequestStatus
{
	public const ACTION = 'leadtrail_request_status';

	public static function action(): StatusAction
	{
		return new StatusAction(
			self::ACTION,
			RequestPage::PARAM,
			'leadtrail_status',
			RequestFilter::STATUSES,
			static fn (\wpdb $wpdb, int $id, string $status): bool => (new RequestsQuery($wpdb))->setStatus($id, $status),
			static fn (int $id): string => RequestPage::url($id),
			[
				'forbidden' => __('Sorry, you are not allowed to change requests.', 'leadtrail'),
				'missing' => __('This request does not exist.', 'leadtrail'),
				'choose' => __('Choose new or processed.', 'leadtrail'),
			],
			static fn (string $status): string => $status === 'processed'
				? __('The request was marked processed.', 'leadtrail')
				: __('The request was marked new.', 'leadtrail'),
		);
	}
}
