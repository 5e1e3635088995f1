<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Leads\EmployeeGroup;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Options;

/**
 * GET /wp-json/leadtrail/v1/groups (docs/contracts.md, "Widgets"): the employee
 * groups for the request form's group choice, ids and names only (never their
 * e-mails). Public, and cacheable for a minute.
 */
final class GroupsRoute
{
	public const ROUTE = '/groups';
	public const MAX_AGE = 60;

	public function register(PublicRoutes $routes): void
	{
		$routes->add(self::ROUTE, [$this, 'respond'], 'GET');
	}

	public function respond(\WP_REST_Request $request): \WP_REST_Response
	{
		$answer = self::answer($request->get_method(), (string) get_option(Options::REQUEST_GROUPS, '[]'));
		$response = PublicRoutes::response($answer);
		if ($answer->status === 200) {
			$response->header('Cache-Control', 'public, max-age=' . self::MAX_AGE);
		}
		return $response;
	}

	/** @param string $groupsOption the stored option (JSON) */
	public static function answer(string $method, string $groupsOption): Answer
	{
		if (!in_array(strtoupper($method), ['GET', 'HEAD'], true)) {
			return Answer::refusal(new Refusal(405, 'method_not_allowed', 'method', 'Only GET is allowed.'), 'GET');
		}
		return new Answer(200, [
			'success' => true,
			'result' => array_map(
				static fn (EmployeeGroup $group): array => ['id' => $group->id, 'name' => $group->name],
				EmployeeGroups::fromJson($groupsOption)->all(),
			),
		]);
	}
}
