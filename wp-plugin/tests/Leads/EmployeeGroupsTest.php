<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Leads;

use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\GroupProblem;
use PHPUnit\Framework\TestCase;

final class EmployeeGroupsTest extends TestCase
{
	public function testSavesTheFormsRowsAsJson(): void
	{
		[$groups, $problems] = EmployeeGroups::fromForm([
			['id' => '1234', 'name' => ' Отдел продаж ', 'email' => 'sales@example.com'],
			['id' => '7', 'name' => 'Support', 'email' => ''],
			['id' => '', 'name' => '', 'email' => ''],
		]);

		self::assertSame([], $problems);
		self::assertSame('[{"id":1234,"name":"Отдел продаж","email":"sales@example.com"},{"id":7,"name":"Support","email":""}]', $groups->toJson());
		self::assertTrue($groups->has(1234));
		self::assertFalse($groups->has(12345));
		self::assertSame('Support', $groups->find(7)?->name);
	}

	public function testDropsRowsMarkedForDeletion(): void
	{
		[$groups] = EmployeeGroups::fromForm([
			['id' => '1', 'name' => 'A', 'delete' => '1'],
			['id' => '2', 'name' => 'B'],
		]);

		self::assertSame([2], array_map(static fn ($group): int => $group->id, $groups->all()));
	}

	/**
	 * @dataProvider badRows
	 * @param array<int, array<string, string>> $rows
	 * @param list<array{int, string, string}>  $expected
	 */
	public function testNamesTheRowAndFieldOfEachProblem(array $rows, array $expected): void
	{
		[$groups, $problems] = EmployeeGroups::fromForm($rows);

		self::assertNull($groups);
		self::assertSame($expected, array_map(
			static fn (GroupProblem $problem): array => [$problem->row, $problem->field, $problem->reason],
			$problems
		));
	}

	/** @return array<string, array{array<int, array<string, string>>, list<array{int, string, string}>}> */
	public static function badRows(): array
	{
		return [
			'no id' => [[['id' => '', 'name' => 'A']], [[1, 'id', 'required']]],
			'id not a number' => [[['id' => 'abc', 'name' => 'A']], [[1, 'id', 'invalid']]],
			'id zero' => [[['id' => '0', 'name' => 'A']], [[1, 'id', 'invalid']]],
			'id too big' => [[['id' => '2147483648', 'name' => 'A']], [[1, 'id', 'invalid']]],
			'duplicate id' => [[['id' => '5', 'name' => 'A'], ['id' => '5', 'name' => 'B']], [[2, 'id', 'duplicate']]],
			'no name' => [[['id' => '5', 'name' => ' ']], [[1, 'name', 'required']]],
			'long name' => [[['id' => '5', 'name' => str_repeat('я', 256)]], [[1, 'name', 'too_long']]],
			'bad e-mail' => [[['id' => '5', 'name' => 'A', 'email' => 'sales@']], [[1, 'email', 'invalid']]],
			'two addresses' => [[['id' => '5', 'name' => 'A', 'email' => 'a@b.ru, c@d.ru']], [[1, 'email', 'invalid']]],
			'header injection' => [[['id' => '5', 'name' => 'A', 'email' => "a@b.ru\r\nBcc: x@y.ru"]], [[1, 'email', 'invalid']]],
			'several' => [
				[['id' => '1', 'name' => 'A'], ['id' => 'x', 'name' => '', 'email' => 'bad']],
				[[2, 'id', 'invalid'], [2, 'name', 'required'], [2, 'email', 'invalid']],
			],
		];
	}

	public function testRefusesMoreThanAHundred(): void
	{
		$rows = array_map(static fn (int $id): array => ['id' => (string) $id, 'name' => 'G' . $id], range(1, 101));

		[$groups, $problems] = EmployeeGroups::fromForm($rows);

		self::assertNull($groups);
		self::assertSame(GroupProblem::TOO_MANY, $problems[0]->reason);
	}

	public function testAnEmptyFormIsNoGroups(): void
	{
		[$groups] = EmployeeGroups::fromForm(null);

		self::assertSame('[]', $groups->toJson());
	}

	public function testReadsTheStoredOptionLeniently(): void
	{
		self::assertSame([], EmployeeGroups::fromJson(null)->all());
		self::assertSame([], EmployeeGroups::fromJson('not json')->all());
		self::assertSame([], EmployeeGroups::fromJson('a:1:{i:0;s:1:"x";}')->all());
		$groups = EmployeeGroups::fromJson('[{"id":3,"name":"C"},{"id":"4","name":"D"},{"name":"E"}]');
		self::assertSame([3], array_map(static fn ($group): int => $group->id, $groups->all()));
		self::assertSame('', $groups->find(3)?->email);
	}
}
