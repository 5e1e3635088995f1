<?php

declare(strict_types=1);

namespace LeadTrail\Tests\Health;

use LeadTrail\Health\VendorEmbedScan;
use PHPUnit\Framework\TestCase;

final class VendorEmbedScanTest extends TestCase
{
	private const OURS = 'VcB4qqpO1WPSopO670cAbXwAH9Ryaw75';
	private const VENDOR = 'MeeQnE5up4R0LFblvN_2_wxoPbWtDs1p';
	private const OUR_EMBED = '<script id="leadtrail-embed">var __cs = __cs || []; __cs.push(["setCsAccount", "' . self::OURS . '"]);</script>'
		. '<script defer id="leadtrail-runtime" src="https://shop.example/wp-content/plugins/leadtrail/assets/build/leadtrail.js"></script>';

	public function testFindsTheVendorsEmbedCodeAsAThemePrintsIt(): void
	{
		$html = '<head><!-- Comagic --><script type="text/javascript">
var __cs = __cs || [];
__cs.push(["setCsAccount", "' . self::VENDOR . '"]);
__cs.push(["setCsHost", "//server.comagic.ru/comagic"]);
</script>
<script type="text/javascript" async src="//app.comagic.ru/static/cs.min.js"></script>' . self::OUR_EMBED . '</head>';

		$found = VendorEmbedScan::snippets($html, self::OURS);

		self::assertCount(2, $found);
		self::assertSame([self::VENDOR, self::VENDOR], [$found[0]->key, $found[0]->needle]);
		self::assertStringStartsWith('<script type="text/javascript">', $found[0]->code);
		self::assertStringContainsString('setCsHost', $found[0]->code);
		self::assertSame([null, 'cs.min.js', '<script type="text/javascript" async src="//app.comagic.ru/static/cs.min.js"></script>'],
			[$found[1]->key, $found[1]->needle, $found[1]->code]);
	}

	public function testFindsTheLegacyEmbedAndTheUisHost(): void
	{
		$html = "<script>var Comagic = Comagic || []; Comagic.push(['setAccount', 'abcdefghijklmnopqrstuvwxyz-01234']); Comagic.push(['setHost', 'http://server.comagic.ru/comagic']);</script>"
			. '<script src="https://app.uiscom.ru/static/loader.js" async></script>';

		$found = VendorEmbedScan::snippets($html, self::OURS);

		self::assertSame(['abcdefghijklmnopqrstuvwxyz-01234', 'app.uiscom.ru'], [$found[0]->needle, $found[1]->needle]);
	}

	public function testLeavesOurEmbedAndOtherScriptsAlone(): void
	{
		$html = self::OUR_EMBED
			. '<script>__cs.push(["setCsAccount", "' . self::OURS . '"]);</script>'
			. '<script src="https://www.googletagmanager.com/gtag/js?id=UA-1"></script>'
			. '<p>We once used app.comagic.ru and cs.min.js.</p>'
			. '<!-- <script async src="//app.comagic.ru/static/cs.min.js"></script> -->';

		self::assertSame([], VendorEmbedScan::snippets($html, self::OURS));
	}

	public function testCutsALongSnippetAndStopsAtTheLimit(): void
	{
		$long = '<script>__cs.push(["setCsAccount", "' . self::VENDOR . '"]);' . str_repeat('/* filler */', 100) . '</script>';

		$found = VendorEmbedScan::snippets(str_repeat($long, 20), self::OURS);

		self::assertCount(VendorEmbedScan::MAX_SNIPPETS, $found);
		self::assertSame(VendorEmbedScan::MAX_CODE, mb_strlen($found[0]->code));
		self::assertStringEndsWith('…', $found[0]->code);
	}
}
