<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Leads\LeadService;
use LeadTrail\Leads\Notifier;

/**
 * POST /wp-json/leadtrail/v1/api/add_offline_message/ (A6, F1):
 * `{consultant_server_url}api/add_offline_message/`, where a site's own form
 * handler sends a lead. WordPress strips the trailing slash before matching.
 */
final class OfflineMessageRoute
{
	public const ROUTE = '/api/add_offline_message';

	public function register(PublicRoutes $routes): void
	{
		$routes->add(self::ROUTE, [$this, 'respond'], 'POST');
	}

	public function respond(\WP_REST_Request $request): \WP_REST_Response
	{
		global $wpdb;
		$answer = LeadService::forDatabase($wpdb)->handleServer(
			$request->get_method(),
			(string) $request->get_header('content_type'),
			$request->get_body(),
			$request->get_body_params(),
			PublicRoutes::declaredLength($request),
		);
		if ($answer->status === 200) {
			Notifier::afterResponse();
		}
		return PublicRoutes::response($answer);
	}
}
