<?php

declare(strict_types=1);

namespace LeadTrail\Health;

use LeadTrail\Admin\SettingsPage;

/**
 * The Site Health test "CoMagic embed code on the front page". It is an async
 * test: the page read can take a moment, so Site Health asks for it through a
 * REST route after the screen has loaded, and its scheduled check calls it
 * directly.
 */
final class VendorEmbedHealth
{
	public const TEST = 'leadtrail_vendor_embed';
	public const ROUTE = '/site-health/vendor-embed';
	public const NAMESPACE = 'leadtrail/v1';

	/**
	 * @param array<string, mixed> $tests
	 * @return array<string, mixed>
	 */
	public static function addTest(array $tests): array
	{
		if (!VendorEmbedCheck::applies()) {
			return $tests;
		}
		$async = is_array($tests['async'] ?? null) ? $tests['async'] : [];
		$async[self::TEST] = [
			'label' => __('CoMagic embed code on the front page', 'leadtrail'),
			'test' => rest_url(self::NAMESPACE . self::ROUTE),
			'has_rest' => true,
			'async_direct_test' => [self::class, 'result'],
		];
		$tests['async'] = $async;
		return $tests;
	}

	public static function registerRoute(): void
	{
		register_rest_route(self::NAMESPACE, self::ROUTE, [
			'methods' => 'GET',
			'callback' => static fn (): \WP_REST_Response => new \WP_REST_Response(self::result()),
			'permission_callback' => static fn (): bool => current_user_can('view_site_health_checks'),
		]);
	}

	/** @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string} */
	public static function result(): array
	{
		$report = VendorEmbedCheck::report();
		return [
			'label' => VendorEmbedAdvice::title($report),
			'status' => $report->found === [] && $report->error === null ? 'good' : 'recommended',
			'badge' => ['label' => __('LeadTrail', 'leadtrail'), 'color' => 'blue'],
			'description' => VendorEmbedAdvice::html($report),
			'actions' => sprintf(
				'<p><a href="%s">%s</a></p>',
				esc_url(admin_url('admin.php?page=' . SettingsPage::SLUG . '#leadtrail-vendor-embed')),
				esc_html__('LeadTrail settings: check again', 'leadtrail')
			),
			'test' => self::TEST,
		];
	}
}
