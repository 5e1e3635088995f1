<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * WooCommerce orders, recorded as sales (is_sale, sale_cost = the order total). The classic
 * checkout's `woocommerce_checkout_order_processed` ($order_id, $posted_data, $order) comes with the
 * form's POST, hidden fields included. The block checkout's
 * `woocommerce_store_api_checkout_order_processed` ($order) comes with a JSON request to the Store
 * API, which carries the hidden fields only as the extension data WooCommerceBlockCheckout adds
 * (else the visitor's cookies identify it). Both fire once per order: a reloaded thank-you page or a
 * second click runs neither again.
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
		$blocks = new WooCommerceBlockCheckout();
		$blocks->register();
		add_action('woocommerce_store_api_checkout_order_processed', static function ($order = null) use ($capture, $blocks): void {
			$capture->guard('woocommerce', static fn (): ?Submission => self::extract($order, $blocks->fields()));
		}, 20, 1);
	}

	/**
	 * @param array<string, string> $posted the checkout's hidden fields when they did not come as POST fields
	 */
	public static function extract(mixed $order, array $posted = []): ?Submission
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
			$posted,
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
