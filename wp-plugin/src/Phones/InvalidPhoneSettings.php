<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

/**
 * Input of the Phone numbers screen that cannot be saved; $field names the input.
 */
final class InvalidPhoneSettings extends \RuntimeException
{
	public function __construct(public readonly string $field, string $problem)
	{
		parent::__construct($field . ': ' . $problem);
	}
}
