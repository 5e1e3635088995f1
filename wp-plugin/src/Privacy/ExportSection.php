<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use Closure;

/**
 * One kind of row in a person's export (a WordPress export group): where its rows are, and how a
 * row becomes an item of name/value pairs.
 */
final class ExportSection
{
	/**
	 * @param string $from the table with its alias, and any join ("wp_x x LEFT JOIN ...")
	 * @param string $columns the SELECT list, the row's id first ("x.id, ..."): pages are in its order
	 * @param Closure(Person): array{0: string, 1: list<int>} $where the person's rows
	 * @param array<string, string> $fields column => label, in the order shown
	 * @param Closure(array<string, string|null>, Person): array<string, string|null> $display the row as shown to the person
	 */
	public function __construct(
		public readonly string $groupId,
		public readonly string $groupLabel,
		public readonly string $groupDescription,
		private readonly string $itemPrefix,
		public readonly string $from,
		public readonly string $columns,
		public readonly Closure $where,
		private readonly array $fields,
		private readonly Closure $display,
	) {
	}

	/**
	 * Items as WordPress's exporters return them; fields without a value are left out.
	 *
	 * @param list<array<string, string|null>> $rows
	 * @return list<array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}>
	 */
	public function items(array $rows, Person $person): array
	{
		$items = [];
		foreach ($rows as $row) {
			$shown = ($this->display)($row, $person);
			$data = [];
			foreach ($this->fields as $column => $label) {
				$value = $shown[$column] ?? null;
				if ($value !== null && $value !== '') {
					$data[] = ['name' => $label, 'value' => $value];
				}
			}
			$items[] = [
				'group_id' => $this->groupId,
				'group_label' => $this->groupLabel,
				'group_description' => $this->groupDescription,
				'item_id' => $this->itemPrefix . '-' . $row['id'],
				'data' => $data,
			];
		}
		return $items;
	}
}
