<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * What an integration read from one submission, before mapping: the form's id and name, its
 * fields, the values that may carry the hidden credential fields, and for sales (WooCommerce)
 * the fields it already knows.
 */
final class Submission
{
	/**
	 * @param list<CapturedField>     $fields
	 * @param array<string, mixed>    $posted values that may hold site_key, visitor_id, ... (the
	 *                                        form's own posted data; $_POST is read after it)
	 * @param array<string, string>   $known  lead fields the integration already knows (name, email,
	 *                                        phone, message), used before any mapping
	 */
	public function __construct(
		public readonly string $formId,
		public readonly ?string $formName,
		public readonly array $fields,
		public readonly array $posted = [],
		public readonly array $known = [],
		public readonly bool $isSale = false,
		public readonly ?string $saleCost = null,
	) {
	}
}
