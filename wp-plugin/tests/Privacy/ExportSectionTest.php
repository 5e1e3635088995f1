<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Privacy;

use LeadTrail\Privacy\ExportSection;
use LeadTrail\Privacy\Person;
use PHPUnit\Framework\TestCase;

final class ExportSectionTest extends TestCase
{
	public function testMakesOneItemPerRowWithTheLabelledFieldsThatHaveAValue(): void
	{
		$section = new ExportSection(
			'leadtrail-requests',
			'Requests',
			'Leads sent from forms.',
			'leadtrail-request',
			'wp_leadtrail_requests r',
			'r.id, r.name, r.email, r.message',
			static fn (Person $person): array => $person->requests('r'),
			['name' => 'Name', 'email' => 'E-mail', 'message' => 'Message', 'delivery' => 'Forwarded'],
			static fn (array $row, Person $person): array => [
				'delivery' => $row['id'] === '7' ? 'Delivered' : null,
				'name' => $person->owns(3) ? $row['name'] : null,
			] + $row,
		);
		$person = Person::of('ivan@example.com', [['id' => '1', 'visitor_id' => '3', 'verified' => '1']], []);

		$items = $section->items([
			['id' => '7', 'name' => 'Иван', 'email' => 'ivan@example.com', 'message' => "<b>Hi</b>\n"],
			['id' => '9', 'name' => null, 'email' => '', 'message' => '0'],
		], $person);

		self::assertSame([
			[
				'group_id' => 'leadtrail-requests',
				'group_label' => 'Requests',
				'group_description' => 'Leads sent from forms.',
				'item_id' => 'leadtrail-request-7',
				'data' => [
					['name' => 'Name', 'value' => 'Иван'],
					['name' => 'E-mail', 'value' => 'ivan@example.com'],
					['name' => 'Message', 'value' => "<b>Hi</b>\n"],
					['name' => 'Forwarded', 'value' => 'Delivered'],
				],
			],
			[
				'group_id' => 'leadtrail-requests',
				'group_label' => 'Requests',
				'group_description' => 'Leads sent from forms.',
				'item_id' => 'leadtrail-request-9',
				'data' => [['name' => 'Message', 'value' => '0']],
			],
		], $items);
	}
}
