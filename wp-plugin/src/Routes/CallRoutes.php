<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Callbacks\CallbackNotifier;
use LeadTrail\Calls\CallService;
use LeadTrail\Calls\Operation;
use LeadTrail\Leads\Notifier;

/**
 * The REST fallbacks of collect.php?op=...: POST /wp-json/leadtrail/v1/event,
 * /visitor-info, /property/set, /property/delete, /property/has, /property/get
 * /properties and /request, with the same validators, store and answers.
 */
final class CallRoutes
{
	public function register(PublicRoutes $routes): void
	{
		foreach (Operation::cases() as $operation) {
			$routes->add(
				$operation->restRoute(),
				static function (\WP_REST_Request $request) use ($operation): \WP_REST_Response {
					global $wpdb;
					$answer = CallService::forDatabase($wpdb)->handle(
						$operation,
						$request->get_method(),
						$request->get_body(),
						PublicRoutes::declaredLength($request),
					);
					if ($operation === Operation::Request && $answer->status === 200) {
						// A lead recorded here can have its e-mail notice sent at once (collect.php cannot).
						Notifier::afterResponse();
					}
					if ($operation === Operation::Callback && ($answer->body['success'] ?? false) === true) {
						CallbackNotifier::afterResponse();
					}
					return PublicRoutes::response($answer);
				},
				'POST',
			);
		}
	}
}
