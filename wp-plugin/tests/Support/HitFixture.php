<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Support;

use Closure;
use LeadTrail\Ingest\HitClient;
use LeadTrail\Ingest\HitRecorder;
use LeadTrail\Ingest\HitService;
use LeadTrail\Options;
use LeadTrail\Storage\BatchResult;
use LeadTrail\Storage\Statements;

/**
 * The site the hit service tests post to, a hit's body for it, and the hit service on a
 * fake connection whose answers the test gives.
 */
final class HitFixture
{
	public const KEY = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
	public const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
	/** The first id the service draws; the next ones follow. */
	public const FIRST_ID = 5000000011;

	/** @param array<string, mixed> $changes fields to set or replace */
	public static function body(array $changes = []): string
	{
		return json_encode(array_merge([
			'site_key' => self::KEY,
			'url' => 'https://shop.example/',
			'referrer' => '',
			'title' => '',
		], $changes), JSON_THROW_ON_ERROR);
	}

	/**
	 * The options read of the site, with $options added.
	 *
	 * @param array<string, string> $options option_name => option_value
	 */
	public static function options(array $options = []): BatchResult
	{
		$rows = [
			['option_name' => Options::SITE_KEY, 'option_value' => self::KEY],
			['option_name' => Options::SECRET, 'option_value' => self::SECRET],
			['option_name' => 'home', 'option_value' => 'https://shop.example'],
		];
		foreach ($options as $name => $value) {
			$rows[] = ['option_name' => $name, 'option_value' => $value];
		}
		return new BatchResult($rows, 0);
	}

	/**
	 * The hit service on a connection that answers each batch with $answer, ids drawn from FIRST_ID on.
	 *
	 * @param Closure(list<string>): list<BatchResult> $answer
	 */
	public static function service(Closure $answer, ?HitClient $client = null): HitService
	{
		$db = new class ($answer) implements Statements {
			/** @param Closure(list<string>): list<BatchResult> $answer */
			public function __construct(private readonly Closure $answer)
			{
			}

			public function quote(string $value): string
			{
				return "'" . addslashes($value) . "'";
			}

			public function prefix(): string
			{
				return 'wp_';
			}

			public function run(array $statements): array
			{
				return ($this->answer)($statements);
			}
		};
		$next = self::FIRST_ID;
		$draw = static function () use (&$next): int {
			return $next++;
		};
		return new HitService(
			new HitRecorder($db, $draw),
			$client ?? HitClient::fromServer(['REMOTE_ADDR' => '203.0.113.5', 'HTTP_USER_AGENT' => 'Mozilla/5.0']),
		);
	}
}
