<?php
/**
 * `woocommerce-order.php <order id>`: prints WooCommerce's own record of the order (its status,
 * total, billing e-mail and payment method), read through its API.
 */
declare(strict_types=1);

$order = wc_get_order((int) $args[0]);
if (!$order) {
	fwrite(STDERR, "No order {$args[0]}\n");
	exit(1);
}
echo implode(' ', array($order->get_status(), $order->get_total(), $order->get_billing_email(), $order->get_payment_method())), "\n";
