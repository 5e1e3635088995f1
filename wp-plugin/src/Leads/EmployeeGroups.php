<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Support\Utf8;

/**
 * The employee groups defined under LeadTrail > Settings, kept as one option
 * holding a JSON list (readable by collect.php, which cannot unserialize safely
 * and has no get_option()).
 */
final class EmployeeGroups
{
	public const MAX_GROUPS = 100;
	public const MAX_NAME = 255;

	/** @param array<int, EmployeeGroup> $groups id => group, in the order defined */
	private function __construct(private readonly array $groups)
	{
	}

	public static function none(): self
	{
		return new self([]);
	}

	/** The stored option; anything unreadable counts as no groups. */
	public static function fromJson(?string $json): self
	{
		$list = is_string($json) && $json !== '' ? json_decode($json, true) : null;
		$groups = [];
		foreach (is_array($list) ? $list : [] as $item) {
			if (is_array($item) && is_int($item['id'] ?? null) && is_string($item['name'] ?? null)) {
				$groups[$item['id']] = new EmployeeGroup($item['id'], $item['name'], is_string($item['email'] ?? null) ? $item['email'] : '');
			}
		}
		return new self($groups);
	}

	/**
	 * The settings form's rows: `[{id, name, email, delete?}, ...]`. A row left blank or
	 * marked for deletion is dropped; every other row must be a whole group.
	 *
	 * @param mixed $rows what the form posted (unslashed)
	 * @return array{0: self|null, 1: list<GroupProblem>} the groups, or null and the problems
	 */
	public static function fromForm(mixed $rows): array
	{
		$problems = [];
		$groups = [];
		$number = 0;
		foreach (is_array($rows) ? $rows : [] as $row) {
			$number++;
			if (!is_array($row) || !empty($row['delete'])) {
				continue;
			}
			$id = self::cell($row, 'id');
			$name = self::cell($row, 'name');
			$email = self::cell($row, 'email');
			if ($id === '' && $name === '' && $email === '') {
				continue;
			}

			$groupId = LeadFields::groupId($id);
			if ($id === '') {
				$problems[] = new GroupProblem($number, 'id', GroupProblem::REQUIRED);
			} elseif ($groupId === null) {
				$problems[] = new GroupProblem($number, 'id', GroupProblem::INVALID);
			} elseif (isset($groups[$groupId])) {
				$problems[] = new GroupProblem($number, 'id', GroupProblem::DUPLICATE);
			}

			if ($name === '') {
				$problems[] = new GroupProblem($number, 'name', GroupProblem::REQUIRED);
			} elseif (!Utf8::isValid($name)) {
				$problems[] = new GroupProblem($number, 'name', GroupProblem::INVALID);
			} elseif (Utf8::length($name) > self::MAX_NAME) {
				$problems[] = new GroupProblem($number, 'name', GroupProblem::TOO_LONG);
			}

			if ($email !== '' && (strlen($email) > 4 * EmailAddress::MAX_LENGTH || !Utf8::isValid($email)
				|| Utf8::length($email) > EmailAddress::MAX_LENGTH || EmailAddress::normalize($email) === null)) {
				$problems[] = new GroupProblem($number, 'email', GroupProblem::INVALID);
			}

			if ($groupId !== null && !isset($groups[$groupId])) {
				$groups[$groupId] = new EmployeeGroup($groupId, $name, $email);
			}
		}
		if (count($groups) > self::MAX_GROUPS) {
			$problems[] = new GroupProblem(0, '', GroupProblem::TOO_MANY);
		}
		return $problems === [] ? [new self($groups), []] : [null, $problems];
	}

	public function has(int $id): bool
	{
		return isset($this->groups[$id]);
	}

	public function find(int $id): ?EmployeeGroup
	{
		return $this->groups[$id] ?? null;
	}

	/** @return list<EmployeeGroup> */
	public function all(): array
	{
		return array_values($this->groups);
	}

	public function toJson(): string
	{
		return (string) json_encode(
			array_map(static fn (EmployeeGroup $group): array => $group->toArray(), $this->all()),
			JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES,
		);
	}

	/** @param array<string|int, mixed> $row */
	private static function cell(array $row, string $name): string
	{
		$value = $row[$name] ?? '';
		return is_string($value) || is_int($value) ? trim((string) $value) : '';
	}
}
