<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * One field of a submitted form as the form plugin describes it: its key (the input's name or the
 * plugin's field id), its label, its type ("email", "tel", "textarea", "name", "text", ...) and
 * its value as text (several values joined with ", ").
 */
final class CapturedField
{
	public function __construct(
		public readonly string $key,
		public readonly string $label,
		public readonly string $type,
		public readonly string $value,
	) {
	}

	/** A value as text: scalars as given, lists joined, anything else empty. */
	public static function text(mixed $value): string
	{
		if (is_array($value)) {
			$parts = [];
			array_walk_recursive($value, static function ($part) use (&$parts): void {
				if (is_scalar($part) && trim((string) $part) !== '') {
					$parts[] = trim((string) $part);
				}
			});
			return implode(', ', $parts);
		}
		if (is_bool($value)) {
			return $value ? '1' : '';
		}
		return is_scalar($value) ? trim((string) $value) : '';
	}
}
