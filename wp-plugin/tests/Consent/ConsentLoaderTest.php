<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Consent;

use LeadTrail\Consent\ConsentLoader;
use PHPUnit\Framework\TestCase;

final class ConsentLoaderTest extends TestCase
{
	public function testAddsTheGivenTagOnlyBehindTheStatisticsConsent(): void
	{
		$attributes = '{"id":"leadtrail-runtime","src":"https://example.com/leadtrail.js?ver=1"}';
		$script = ConsentLoader::script($attributes);

		self::assertStringContainsString('var a=' . $attributes . ',', $script);
		self::assertStringContainsString("w.wp_has_consent('statistics')", $script);
		self::assertStringContainsString("e.detail.statistics==='allow'", $script);
		self::assertStringContainsString("d.addEventListener('wp_listen_for_consent_change',go)", $script);
		// A stored choice fires no event: checked again once the banner's own script has run.
		self::assertStringContainsString("d.addEventListener('DOMContentLoaded',go)", $script);
	}

	public function testPrintsNoMarkupThatCouldEndTheScriptElement(): void
	{
		self::assertStringNotContainsString('<', ConsentLoader::script('{}'));
	}
}
