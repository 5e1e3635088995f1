<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Calls;

use LeadTrail\Calls\Operation;
use LeadTrail\Tests\Support\AssertsRefusals;
use PHPUnit\Framework\TestCase;

final class OperationTest extends TestCase
{
	use AssertsRefusals;

	public function testMapsEachOpToItsRestRouteAsTheContractSays(): void
	{
		$routes = [];
		foreach (Operation::cases() as $operation) {
			$routes[$operation->value] = $operation->restRoute();
		}

		self::assertSame([
			'event' => '/event',
			'visitor_info' => '/visitor-info',
			'property_set' => '/property/set',
			'property_delete' => '/property/delete',
			'property_has' => '/property/has',
			'property_get' => '/property/get',
			'properties' => '/properties',
			'request' => '/request',
			'callback' => '/callback',
		], $routes);
	}

	public function testReadsTheOpParameter(): void
	{
		self::assertSame(Operation::PropertyGet, Operation::fromQuery('property_get'));
	}

	/** @dataProvider unknownOps */
	public function testRefusesAnUnknownOp(mixed $op): void
	{
		self::assertRefused(400, 'invalid_op', 'op', static fn () => Operation::fromQuery($op));
	}

	/** @return array<string, array{mixed}> */
	public static function unknownOps(): array
	{
		return [
			'unknown' => ['delete_everything'],
			'empty' => [''],
			'upper case' => ['EVENT'],
			'hit (not a visitor call)' => ['hit'],
			'an array' => [['event']],
			'null' => [null],
		];
	}
}
