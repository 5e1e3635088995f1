<?php

declare(strict_types=1);

namespace LeadTrail\Storage;

/**
 * What WpConfigParser read from a wp-config.php without running it: the
 * database settings, the table prefix, and every other watched constant the
 * file defines (WpConfigParser::STRINGS and ::SCALARS), as literals.
 */
final class WpConfig
{
	/**
	 * @param array<string, string|int|bool|null> $constants name => value of each watched constant the file defines
	 */
	public function __construct(
		public readonly array $constants,
		public readonly string $tablePrefix,
	) {
	}

	public function has(string $name): bool
	{
		return array_key_exists($name, $this->constants);
	}

	/** A constant that the parser guarantees to be a string when defined; null when not defined. */
	public function string(string $name): ?string
	{
		$value = $this->constants[$name] ?? null;
		return is_string($value) ? $value : null;
	}
}
