<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

/**
 * Hooks LeadTrail into WordPress's privacy tools: the exporter and the eraser of Tools > Export /
 * Erase Personal Data, and the suggested text of Settings > Privacy. Runs on admin_init, which
 * both the tools' screens and their admin-ajax calls fire before they read the lists.
 */
final class PrivacyTools
{
	public const KEY = 'leadtrail';

	public static function register(): void
	{
		add_filter('wp_privacy_personal_data_exporters', [self::class, 'addExporter']);
		add_filter('wp_privacy_personal_data_erasers', [self::class, 'addEraser']);
		wp_add_privacy_policy_content(__('LeadTrail', 'leadtrail'), PolicyText::html());
	}

	/**
	 * @param mixed $exporters the list so far; another plugin's filter may have broken it
	 * @return array<string, mixed>
	 */
	public static function addExporter(mixed $exporters): array
	{
		$exporters = (array) $exporters;
		$exporters[self::KEY] = [
			'exporter_friendly_name' => __('LeadTrail visitors and leads', 'leadtrail'),
			'callback' => static function ($email, $page): array {
				global $wpdb;
				return (new Exporter($wpdb))->export((string) $email, (int) $page);
			},
		];
		return $exporters;
	}

	/**
	 * @param mixed $erasers the list so far
	 * @return array<string, mixed>
	 */
	public static function addEraser(mixed $erasers): array
	{
		$erasers = (array) $erasers;
		$erasers[self::KEY] = [
			'eraser_friendly_name' => __('LeadTrail visitors and leads', 'leadtrail'),
			'callback' => static function ($email): array|\WP_Error {
				global $wpdb;
				return (new Eraser($wpdb))->erase((string) $email);
			},
		];
		return $erasers;
	}
}
