<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Captcha\CaptchaService;

/**
 * POST /wp-json/leadtrail/v1/captcha (A8's get_captcha) and
 * GET /wp-json/leadtrail/v1/captcha/image?key=... (the PNG); docs/contracts.md, "Captcha".
 */
final class CaptchaRoutes
{
	public const ROUTE = '/captcha';
	public const IMAGE_ROUTE = '/captcha/image';
	/** Fired with the key and its answer after a captcha is made (the e2e suite reads the answer here). */
	public const CREATED_HOOK = 'leadtrail_captcha_created';

	public function register(PublicRoutes $routes): void
	{
		$routes->add(self::ROUTE, [$this, 'create'], 'POST');
		$routes->add(self::IMAGE_ROUTE, [$this, 'image'], 'GET');
	}

	public function create(\WP_REST_Request $request): \WP_REST_Response
	{
		return PublicRoutes::response(self::service()->create(
			$request->get_method(),
			$request->get_body(),
			PublicRoutes::declaredLength($request),
		));
	}

	public function image(\WP_REST_Request $request): \WP_REST_Response
	{
		[$refusal, $png] = self::service()->image($request->get_method(), $request->get_query_params()['key'] ?? null);
		if ($refusal !== null || $png === null) {
			return PublicRoutes::response($refusal ?? \LeadTrail\Ingest\Answer::storageUnavailable(CaptchaService::UNAVAILABLE));
		}
		$response = new \WP_REST_Response(null, 200);
		$response->header('Content-Type', 'image/png');
		$response->header('Content-Length', (string) strlen($png));
		$response->header('Cache-Control', \LeadTrail\Ingest\Answer::NO_CACHE);
		$route = $request->get_route();
		// WordPress would print the data as JSON; the PNG's bytes go out instead.
		add_filter('rest_pre_serve_request', static function (mixed $served, mixed $result, \WP_REST_Request $served_request) use ($png, $route): mixed {
			if ($served || $served_request->get_route() !== $route) {
				return $served;
			}
			if ($served_request->get_method() !== 'HEAD') {
				echo $png; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- image bytes
			}
			return true;
		}, 10, 3);
		return $response;
	}

	private static function service(): CaptchaService
	{
		global $wpdb;
		return CaptchaService::forDatabase(
			$wpdb,
			rest_url(PublicRoutes::NAMESPACE . self::IMAGE_ROUTE),
			static function (string $key, string $answer): void {
				do_action(self::CREATED_HOOK, $key, $answer);
			},
		);
	}
}
