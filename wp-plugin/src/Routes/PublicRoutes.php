<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Ingest\Answer;

/**
 * The plugin's public REST routes (hit, visitor calls, tracker) and what they
 * share: every method reaches the callback, so a wrong one gets the contract's
 * 405 with an Allow header instead of WordPress's 404, and a malformed JSON body
 * is answered by our validator in the contract's shape.
 */
final class PublicRoutes
{
	public const NAMESPACE = 'leadtrail/v1';

	/** @var array<string, string> full route ("/leadtrail/v1/hit") => the one method allowed */
	private array $allowed = [];

	/**
	 * @param string                                        $route    under the namespace, e.g. "/hit"
	 * @param callable(\WP_REST_Request): \WP_REST_Response $callback
	 * @param string                                        $method   the method the route serves
	 */
	public function add(string $route, callable $callback, string $method): void
	{
		register_rest_route(self::NAMESPACE, $route, [
			'methods' => \WP_REST_Server::ALLMETHODS,
			'callback' => $callback,
			// Public on purpose: pages call these without a login or a nonce (page caches serve
			// stale nonces), and server code calls the tracker with no cookies at all. The signed
			// visitor token (or the site key), the identity checks and the validation protect them.
			'permission_callback' => '__return_true',
		]);
		$this->allowed['/' . self::NAMESPACE . $route] = $method;
	}

	/** Hooks the shared behaviour in; call once, after the routes are added. */
	public function guard(): void
	{
		add_filter('rest_request_before_callbacks', [$this, 'keepJsonErrors'], 10, 3);
		// After rest_send_allow_header (priority 10), which lists every method registered.
		add_filter('rest_post_dispatch', [$this, 'allowOneMethod'], 11, 3);
	}

	public static function response(Answer $answer): \WP_REST_Response
	{
		$response = new \WP_REST_Response($answer->body, $answer->status);
		$response->header('Cache-Control', Answer::NO_CACHE);
		// Page caches that run inside WordPress (WP Super Cache, W3 Total Cache…) store nothing then.
		if (!defined('DONOTCACHEPAGE')) {
			define('DONOTCACHEPAGE', true);
		}
		foreach ($answer->headers as $name => $value) {
			$response->header($name, $value);
		}
		return $response;
	}

	/** The Content-Length the client declared, 0 when it declared none. */
	public static function declaredLength(\WP_REST_Request $request): int
	{
		return max(0, (int) $request->get_header('content_length'));
	}

	/**
	 * WordPress refuses a malformed JSON body itself (rest_invalid_json) before the
	 * callback runs; on our routes the validator answers it instead.
	 *
	 * @param array<string, mixed> $handler
	 */
	public function keepJsonErrors(mixed $response, array $handler, \WP_REST_Request $request): mixed
	{
		if ($response instanceof \WP_Error
			&& $response->get_error_code() === 'rest_invalid_json'
			&& isset($this->allowed[$request->get_route()])) {
			return null;
		}
		return $response;
	}

	public function allowOneMethod(mixed $response, \WP_REST_Server $server, \WP_REST_Request $request): mixed
	{
		$method = $this->allowed[$request->get_route()] ?? null;
		if ($method !== null && $response instanceof \WP_HTTP_Response) {
			$response->header('Allow', $method);
		}
		return $response;
	}
}
