<?php

declare(strict_types=1);

namespace LeadTrail\Health;

/**
 * The outcome of one check of the front page for the vendor's embed code, as
 * kept in a transient between checks.
 */
final class VendorEmbedReport
{
	/**
	 * @param int                                                            $checkedAt unix seconds
	 * @param list<array{code: string, key: ?string, places: list<string>}> $found     each snippet and where it likely comes from
	 * @param ?string                                                        $error     why the page could not be read; null when it was
	 */
	public function __construct(
		public readonly int $checkedAt,
		public readonly array $found,
		public readonly ?string $error,
	) {
	}

	/** @return array{checked_at: int, found: list<array{code: string, key: ?string, places: list<string>}>, error: ?string} */
	public function toArray(): array
	{
		return ['checked_at' => $this->checkedAt, 'found' => $this->found, 'error' => $this->error];
	}

	/** A report kept earlier, or null when `$value` is not one (no transient, or another shape). */
	public static function fromArray(mixed $value): ?self
	{
		if (!is_array($value) || !is_int($value['checked_at'] ?? null) || !is_array($value['found'] ?? null)) {
			return null;
		}
		$found = [];
		foreach ($value['found'] as $snippet) {
			if (!is_array($snippet) || !is_string($snippet['code'] ?? null) || !is_array($snippet['places'] ?? null)) {
				return null;
			}
			$found[] = [
				'code' => $snippet['code'],
				'key' => is_string($snippet['key'] ?? null) ? $snippet['key'] : null,
				'places' => array_values(array_map('strval', $snippet['places'])),
			];
		}
		return new self($value['checked_at'], $found, is_string($value['error'] ?? null) ? $value['error'] : null);
	}
}
