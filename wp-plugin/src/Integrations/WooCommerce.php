<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * WooCommerce orders (8.x), recorded as sales (is_sale, sale_cost = the order total): the classic
 * checkout's `woocommerce_checkout_order_processed` ($order_id, $posted_data, $order) and the block
 * checkout's `woocommerce_store_api_checkout_order_processed` ($order). The block checkout posts
 * JSON to the Store API without the form's hidden fields: the visitor's cookies identify it.
 */
final class WooCommerce implements Integration
{
	public function id(): string
	{
		return 'woocommerce';
	}

	public function isActive(): bool
	{
		return class_exists('WooCommerce', false);
	}

	public function register(Capture $capture): void
	{
		add_action('woocommerce_checkout_order_processed', static function ($orderId = null, $posted = null, $order = null) use ($capture): void {
			$capture->guard('woocommerce', static function () use ($orderId, $order): ?Submission {
				if (!is_object($order) && function_exists('wc_get_order')) {
					$order = wc_get_order($orderId);
				}
				return self::extract($order);
			});
		}, 20, 3);
		add_action('woocommerce_store_api_checkout_order_processed', static function ($order = null) use ($capture): void {
			$capture->guard('woocommerce', static fn (): ?Submission => self::extract($order));
		}, 20, 1);
	}

	public static function extract(mixed $order): ?Submission
	{
		if (!is_object($order) || !method_exists($order, 'get_id') || !method_exists($order, 'get_total')) {
			return null;
		}
		$call = static fn (string $method): string => method_exists($order, $method) ? CapturedField::text($order->{$method}()) : '';
		$number = $call('get_order_number') !== '' ? $call('get_order_number') : (string) $order->get_id();
		$lines = [];
		foreach (method_exists($order, 'get_items') ? (array) $order->get_items() : [] as $item) {
			if (is_object($item) && method_exists($item, 'get_name')) {
				$quantity = method_exists($item, 'get_quantity') ? (int) $item->get_quantity() : 1;
				$lines[] = CapturedField::text($item->get_name()) . ' × ' . $quantity;
			}
		}
		/* translators: %s: the order number */
		$message = sprintf(self::t('Order #%s'), $number);
		if ($lines !== []) {
			$message .= ': ' . implode(', ', $lines);
		}
		if ($call('get_customer_note') !== '') {
			$message .= "\n\n" . $call('get_customer_note');
		}
		$total = $call('get_total');
		return new Submission(
			'order',
			self::t('WooCommerce order'),
			[],
			[],
			[
				'name' => trim($call('get_billing_first_name') . ' ' . $call('get_billing_last_name')),
				'email' => $call('get_billing_email'),
				'phone' => $call('get_billing_phone'),
				'message' => $message,
			],
			true,
			preg_match('/^[0-9]+(?:[.,][0-9]+)?$/', $total) === 1 ? $total : null,
		);
	}

	private static function t(string $text): string
	{
		return function_exists('__') ? __($text, 'leadtrail') : $text; // phpcs:ignore WordPress.WP.I18n.NonSingularStringLiteralText
	}
}
