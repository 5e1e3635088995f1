<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Tracker\TrackerService;

/**
 * GET /wp-json/leadtrail/v1/vc/s/ (A15, F3): `{consultant_server_url}vc/s/`.
 * WordPress strips the trailing slash before matching, so "vc/s/" and "vc/s" both land here.
 */
final class TrackerRoute
{
	public const ROUTE = '/vc/s';

	public function register(PublicRoutes $routes): void
	{
		$routes->add(self::ROUTE, [$this, 'respond'], 'GET');
	}

	public function respond(\WP_REST_Request $request): \WP_REST_Response
	{
		global $wpdb;
		return PublicRoutes::response(
			TrackerService::forDatabase($wpdb)->handle($request->get_method(), $request->get_query_params()),
		);
	}
}
