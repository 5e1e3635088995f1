<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Storage;

use LeadTrail\Storage\Tables;
use PHPUnit\Framework\TestCase;

final class TablesTest extends TestCase
{
	public function testPhpStanKnowsEveryTableThatRegisterSets(): void
	{
		$stub = (string) file_get_contents(dirname(__DIR__) . '/phpstan/wpdb.stub');
		preg_match_all('/@property string \$(\w+)/', $stub, $match);
		$declared = $match[1];
		$tables = Tables::ALL;
		sort($declared);
		sort($tables);

		self::assertSame($tables, $declared);
	}
}
