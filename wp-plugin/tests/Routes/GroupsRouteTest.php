<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Routes;

use LeadTrail\Routes\GroupsRoute;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class GroupsRouteTest extends TestCase
{
	use AssertsRefusals;

	public function testListsIdsAndNamesButNeverEmails(): void
	{
		$answer = GroupsRoute::answer('GET', '[{"id":16587,"name":"Sales","email":"sales@example.com"},{"id":2,"name":"Поддержка","email":""}]');

		self::assertSame('{"success":true,"result":[{"id":16587,"name":"Sales"},{"id":2,"name":"Поддержка"}]}', $answer->json());
	}

	public function testNoGroupsIsAnEmptyList(): void
	{
		self::assertSame('{"success":true,"result":[]}', GroupsRoute::answer('GET', '')->json());
	}

	public function testOnlyGet(): void
	{
		$answer = GroupsRoute::answer('POST', '[]');

		self::assertRefusal(405, 'method_not_allowed', 'method', $answer);
		self::assertSame(['Allow' => 'GET'], $answer->headers);
	}
}
