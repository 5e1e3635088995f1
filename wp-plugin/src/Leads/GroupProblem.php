<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * Why the settings form's list of groups was not saved: a row (1-based, as the
 * form shows it) and a field, so the message can name both.
 */
final class GroupProblem
{
	public const REQUIRED = 'required';
	public const INVALID = 'invalid';
	public const DUPLICATE = 'duplicate';
	public const TOO_LONG = 'too_long';
	public const TOO_MANY = 'too_many';

	public function __construct(
		public readonly int $row,
		/** "id", "name", "email", or "" for the whole list. */
		public readonly string $field,
		public readonly string $reason,
	) {
	}
}
