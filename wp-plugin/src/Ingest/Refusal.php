<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * A request the server turns down, with the contract's status, code and field.
 * Thrown before anything is written.
 */
final class Refusal extends \RuntimeException
{
	public function __construct(
		public readonly int $status,
		public readonly string $errorCode,
		public readonly string $field,
		string $message,
		/** Seconds for the Retry-After header of a 429 or 503; 0 for none. */
		public readonly int $retryAfter = 0,
	) {
		parent::__construct($message);
	}

	public static function missing(string $field): self
	{
		return new self(400, 'missing_' . $field, $field, $field . ' is required.');
	}

	public static function invalid(string $field, string $message): self
	{
		return new self(400, 'invalid_' . $field, $field, $message);
	}
}
