<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Ingest\HitService;

/**
 * POST /wp-json/leadtrail/v1/hit: the REST fallback of collect.php, with the
 * same validator, recorder and answers.
 */
final class HitRoute
{
	public const NAMESPACE = 'leadtrail/v1';
	public const ROUTE = '/hit';

	public function register(): void
	{
		register_rest_route(self::NAMESPACE, self::ROUTE, [
			// Every method reaches the callback so that a GET gets the contract's 405, not WordPress's 404.
			'methods' => \WP_REST_Server::ALLMETHODS,
			'callback' => [$this, 'respond'],
			// Public on purpose: every page view posts here without a login or a nonce (page
			// caches serve stale nonces). The signed visitor token and the validation protect it.
			'permission_callback' => '__return_true',
		]);
		add_filter('rest_request_before_callbacks', [$this, 'keepJsonErrors'], 10, 3);
		// After rest_send_allow_header (priority 10), which lists every method registered above.
		add_filter('rest_post_dispatch', [$this, 'allowOnlyPost'], 11, 3);
	}

	public function respond(\WP_REST_Request $request): \WP_REST_Response
	{
		global $wpdb;
		$answer = HitService::forDatabase($wpdb)->handle($request->get_method(), $request->get_body());

		$response = new \WP_REST_Response($answer->body, $answer->status);
		$response->header('Cache-Control', 'no-store');
		foreach ($answer->headers as $name => $value) {
			$response->header($name, $value);
		}
		return $response;
	}

	/**
	 * WordPress refuses a malformed JSON body itself (rest_invalid_json) before the
	 * callback runs; on this route the validator answers it instead, in the contract's shape.
	 *
	 * @param array<string, mixed> $handler
	 */
	public function keepJsonErrors(mixed $response, array $handler, \WP_REST_Request $request): mixed
	{
		if ($response instanceof \WP_Error
			&& $response->get_error_code() === 'rest_invalid_json'
			&& $this->isOurs($request)) {
			return null;
		}
		return $response;
	}

	public function allowOnlyPost(mixed $response, \WP_REST_Server $server, \WP_REST_Request $request): mixed
	{
		if ($response instanceof \WP_HTTP_Response && $this->isOurs($request)) {
			$response->header('Allow', 'POST');
		}
		return $response;
	}

	private function isOurs(\WP_REST_Request $request): bool
	{
		return $request->get_route() === '/' . self::NAMESPACE . self::ROUTE;
	}
}
