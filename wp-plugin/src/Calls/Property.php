<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

/**
 * A stored visitor property; a null value means "set without a value".
 */
final class Property
{
	public function __construct(
		public readonly string $name,
		public readonly ?string $value,
	) {
	}
}
