<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

/**
 * Reads one filter from the query string. An empty field or an array
 * (`?from[]=…`) is no filter at all, not a problem to report.
 */
final class QueryParam
{
	/** @param array<string, mixed> $query the unslashed query parameters */
	public static function text(array $query, string $name): ?string
	{
		$value = $query[$name] ?? null;
		return is_string($value) && $value !== '' ? $value : null;
	}

	/** A record's ID as a request carries it: a whole number from 1 as text (filter_var allows spaces around it), else null. */
	public static function id(mixed $raw): ?int
	{
		$id = is_string($raw) ? filter_var($raw, FILTER_VALIDATE_INT, ['options' => ['min_range' => 1]]) : false;
		return $id === false ? null : $id;
	}
}
