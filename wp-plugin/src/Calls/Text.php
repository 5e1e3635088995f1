<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;

/**
 * The non-empty text fields of the calls.
 */
final class Text
{
	/** A required string of 1 to $max characters. */
	public static function required(JsonBody $body, string $name, int $max): string
	{
		$value = $body->string($name, $max);
		if ($value === '') {
			throw Refusal::invalid($name, sprintf('%s must be 1 to %d characters.', $name, $max));
		}
		return $value;
	}

	/**
	 * A property's name: 1 to 255 characters without the NUL character, which no
	 * page means to send and which a JSON map of properties could not carry in PHP.
	 */
	public static function propertyName(JsonBody $body): string
	{
		$name = self::required($body, 'name', PropertySetRequest::MAX_NAME);
		if (str_contains($name, "\0")) {
			throw Refusal::invalid('name', 'name must not contain the NUL character.');
		}
		return $name;
	}
}
