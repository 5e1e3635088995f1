<?php

declare(strict_types=1);

namespace LeadTrail\Health;

/**
 * One <script> element of the vendor's embed code found in a page.
 */
final class VendorSnippet
{
	public function __construct(
		/** The element as the page has it, cut to VendorEmbedScan::MAX_CODE characters. */
		public readonly string $code,
		/** The vendor's site key it sets, when it sets one. */
		public readonly ?string $key,
		/** Text that marks the snippet where it is stored: the key, else the loader's name or host. */
		public readonly string $needle,
	) {
	}
}
