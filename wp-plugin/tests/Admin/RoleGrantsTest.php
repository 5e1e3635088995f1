<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Admin;

use LeadTrail\Admin\RoleGrants;
use PHPUnit\Framework\TestCase;

final class RoleGrantsTest extends TestCase
{
	private const CAPS = ['leadtrail_view_reports', 'leadtrail_operator'];
	private const ROLES = ['administrator', 'editor', 'author'];

	public function testGrantsTheTickedRolesOnly(): void
	{
		$grants = RoleGrants::fromForm(['leadtrail_view_reports' => ['editor'], 'leadtrail_operator' => ['author', 'editor']], self::CAPS, self::ROLES);
		self::assertInstanceOf(RoleGrants::class, $grants);
		self::assertTrue($grants->grants('editor', 'leadtrail_view_reports'));
		self::assertFalse($grants->grants('author', 'leadtrail_view_reports'));
		self::assertTrue($grants->grants('author', 'leadtrail_operator'));
	}

	public function testNothingTickedRevokesEveryRoleButTheAdministrator(): void
	{
		$grants = RoleGrants::fromForm(null, self::CAPS, self::ROLES);
		self::assertInstanceOf(RoleGrants::class, $grants);
		foreach (self::CAPS as $capability) {
			self::assertFalse($grants->grants('editor', $capability));
			self::assertTrue($grants->grants('administrator', $capability));
		}
	}

	public function testRefusesARoleTheSiteDoesNotHaveByItsName(): void
	{
		self::assertSame('no-such-role', RoleGrants::fromForm(['leadtrail_operator' => ['editor', 'no-such-role']], self::CAPS, self::ROLES));
		self::assertSame('', RoleGrants::fromForm(['leadtrail_operator' => [['editor']]], self::CAPS, self::ROLES));
	}
}
