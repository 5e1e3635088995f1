<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * A call's field that is missing or cannot be read: the webhook answers 400
 * naming it, an import lists the row with it.
 */
final class InvalidCallField extends \RuntimeException
{
	public function __construct(public readonly string $field, public readonly string $reason)
	{
		parent::__construct($field . ': ' . $reason);
	}
}
