<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Cloud\Delivery;

/**
 * How a request's forwarding to the vendor (cloud mode) is shown on the Requests screen.
 */
final class DeliveryLabel
{
	/** @param array<string, string|null>|null $row the outbox row, null when the request has none */
	public static function short(?array $row): string
	{
		if ($row === null) {
			return __('Not forwarded', 'leadtrail');
		}
		return match ((string) $row['state']) {
			Delivery::DELIVERED => __('Delivered', 'leadtrail'),
			Delivery::SENDING => __('Sending', 'leadtrail'),
			Delivery::FAILED => $row['next_try_at'] === null ? __('Failed (given up)', 'leadtrail') : __('Failed, will retry', 'leadtrail'),
			default => __('Pending', 'leadtrail'),
		};
	}
}
