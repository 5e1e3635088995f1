<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Integrations;

use LeadTrail\Integrations\WooCommerceBlockCheckout;
use PHPUnit\Framework\TestCase;

/**
 * The block checkout's hidden fields as the Store API request carries them (extension data under
 * the `leadtrail` namespace): only the credential fields, only strings, nothing without them.
 */
final class WooCommerceBlockCheckoutTest extends TestCase
{
	private static function request(mixed $extensions): object
	{
		return new class ($extensions) {
			public function __construct(private mixed $extensions) {}
			public function get_param(string $name): mixed { return $name === 'extensions' ? $this->extensions : null; }
		};
	}

	public function testKeepsTheCredentialFieldsOfItsNamespace(): void
	{
		$checkout = new WooCommerceBlockCheckout();
		$checkout->read(null, self::request([
			'woocommerce/order-attribution' => ['source_type' => 'typein'],
			'leadtrail' => ['site_key' => 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', 'visitor_id' => '17', 'hit_id' => '99', 'session_id' => '4', 'other' => 'x', 'uri' => ['not', 'text']],
		]));
		self::assertSame(['site_key' => 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75', 'visitor_id' => '17', 'hit_id' => '99', 'session_id' => '4'], $checkout->fields());
	}

	public function testHasNoneWithoutTheData(): void
	{
		$checkout = new WooCommerceBlockCheckout();
		$checkout->read(null, self::request(['leadtrail' => ['visitor_id' => '17']]));
		$checkout->read(null, self::request(null));
		self::assertSame([], $checkout->fields());
		$checkout->read(null, null);
		self::assertSame([], $checkout->fields());
	}
}
