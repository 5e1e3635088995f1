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
	public const NAMESPACE = PublicRoutes::NAMESPACE;
	public const ROUTE = '/hit';

	public function register(PublicRoutes $routes): void
	{
		$routes->add(self::ROUTE, [$this, 'respond'], 'POST');
	}

	public function respond(\WP_REST_Request $request): \WP_REST_Response
	{
		global $wpdb;
		return PublicRoutes::response(
			HitService::forDatabase($wpdb)->handle($request->get_method(), $request->get_body(), PublicRoutes::declaredLength($request)),
		);
	}
}
