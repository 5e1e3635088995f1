<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

use LeadTrail\Cloud\CloudSettings;

/**
 * Carries the runtime's hidden fields through WooCommerce's Checkout block, which posts JSON to the
 * Store API and not its form: a script on the page puts the credentials into the checkout's
 * extension data (namespace `leadtrail`, WooCommerce's documented ExtendSchema), the Store API
 * checks them against the schema registered here, and fields() answers them while that order is
 * processed. Without the script's data (no JavaScript, no consent yet, cloud mode) the order is
 * identified by the visitor's cookies as before.
 */
final class WooCommerceBlockCheckout
{
	public const NAMESPACE = 'leadtrail';

	private const SCRIPT = 'leadtrail-woocommerce-checkout';

	// The credentials' values as strings: ids may be above 2^31, and the Store API checks types.
	private const CODE = <<<'JS'
window.__cs = window.__cs || [];
window.__cs.push(['onReady', function (credentials) {
	var fields = {};
	%s.forEach(function (name) {
		if (credentials[name] !== undefined && credentials[name] !== null) fields[name] = String(credentials[name]);
	});
	window.wp.data.dispatch('wc/store/checkout').setExtensionData(%s, fields);
}]);
JS;

	/** @var array<string, string> */
	private array $fields = [];

	public function register(): void
	{
		if (did_action('woocommerce_blocks_loaded') > 0) {
			$this->extendSchema();
		} else {
			add_action('woocommerce_blocks_loaded', [$this, 'extendSchema']);
		}
		add_filter('render_block_woocommerce/checkout', [$this, 'withScript']);
		add_action('woocommerce_store_api_checkout_update_order_from_request', [$this, 'read'], 10, 2);
	}

	/** @return array<string, string> the hidden fields of the checkout being processed, [] without them */
	public function fields(): array
	{
		return $this->fields;
	}

	public function extendSchema(): void
	{
		if (!function_exists('woocommerce_store_api_register_endpoint_data')) {
			return;
		}
		$properties = [];
		foreach (CapturedIdentity::FIELD_NAMES as $name) {
			$properties[$name] = ['type' => 'string', 'maxLength' => 2048, 'context' => ['view', 'edit']];
		}
		woocommerce_store_api_register_endpoint_data([
			'endpoint' => 'checkout',
			'namespace' => self::NAMESPACE,
			'schema_callback' => static fn (): array => $properties,
			'data_callback' => static fn (): array => [],
			'schema_type' => ARRAY_A,
		]);
	}

	/** The Checkout block's HTML, unchanged; its page gets the script (in the footer). */
	public function withScript(mixed $html): mixed
	{
		if (CloudSettings::load()->cloud) {
			return $html;
		}
		if (!wp_script_is(self::SCRIPT, 'registered')) {
			wp_register_script(self::SCRIPT, false, ['wp-data', 'wc-blocks-data-store'], LEADTRAIL_VERSION, true);
			wp_add_inline_script(self::SCRIPT, sprintf(self::CODE, wp_json_encode(CapturedIdentity::FIELD_NAMES), wp_json_encode(self::NAMESPACE)));
		}
		wp_enqueue_script(self::SCRIPT);
		return $html;
	}

	/**
	 * Keeps the checkout request's extension data for the order being processed.
	 *
	 * @param mixed $order   the order (unused: the data belongs to the request)
	 * @param mixed $request the Store API's \WP_REST_Request
	 */
	public function read(mixed $order, mixed $request): void
	{
		unset($order);
		$extensions = is_object($request) && method_exists($request, 'get_param') ? $request->get_param('extensions') : null;
		$data = is_array($extensions) ? ($extensions[self::NAMESPACE] ?? null) : null;
		$this->fields = is_array($data)
			? array_filter(array_intersect_key($data, array_flip(CapturedIdentity::FIELD_NAMES)), 'is_string')
			: [];
	}
}
