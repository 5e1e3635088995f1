<?php

declare(strict_types=1);

namespace LeadTrail\Tests\PhoneCalls;

use LeadTrail\PhoneCalls\CallAttribution;
use PHPUnit\Framework\TestCase;

final class CallAttributionTest extends TestCase
{
	private const HOLD = ['visitor_id' => 11, 'session_id' => 22, 'source' => 'yandex'];

	public function testAPoolNumberHeldAtTheStartTimeGivesItsSession(): void
	{
		$attribution = CallAttribution::decide('pool', '', self::HOLD);
		self::assertSame(['session', 11, 22, 'yandex'], [$attribution->kind, $attribution->visitorId, $attribution->sessionId, $attribution->source]);
	}

	public function testAPoolNumberNobodyHeldThenIsUnattributed(): void
	{
		self::assertSame('none', CallAttribution::decide('pool', 'paid', null)->kind);
	}

	public function testAStaticNumberGivesItsLabelAsSource(): void
	{
		$attribution = CallAttribution::decide('static', ' google / cpc ', self::HOLD);
		self::assertSame(['static', 0, 0, 'google / cpc'], [$attribution->kind, $attribution->visitorId, $attribution->sessionId, $attribution->source]);
	}

	/** @dataProvider unattributed */
	public function testAnythingElseIsUnattributed(?string $kind, string $label): void
	{
		$attribution = CallAttribution::decide($kind, $label, self::HOLD);
		self::assertSame(['none', 0, 0, ''], [$attribution->kind, $attribution->visitorId, $attribution->sessionId, $attribution->source]);
	}

	/** @return array<string, array{?string, string}> */
	public static function unattributed(): array
	{
		return [
			'the site\'s own number' => ['site', 'main'],
			'a pool\'s fallback, shared by many visits' => ['fallback', 'paid'],
			'a static number without a source' => ['static', '  '],
			'a number that is not ours' => [null, ''],
		];
	}
}
