<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Support\Utf8;

/**
 * The raw fields of a lead, from a JSON body (typed values) or a form post
 * (strings, and arrays for `x[]=` or `x[k]=`), read under one set of rules.
 */
final class LeadInput
{
	/**
	 * @param array<string|int, mixed> $values
	 * @param list<string>             $notUtf8 names of fields whose raw bytes were not UTF-8
	 */
	private function __construct(
		private readonly array $values,
		private readonly array $notUtf8,
		private readonly bool $fromForm,
	) {
	}

	public static function fromJsonBody(JsonBody $body): self
	{
		return new self($body->fields(), $body->invalidUtf8Fields(), false);
	}

	/**
	 * A form's fields (unslashed), or fields built on the server as a form would send them.
	 * Strings are checked for UTF-8 as they are read.
	 *
	 * @param array<string|int, mixed> $values
	 */
	public static function fromValues(array $values): self
	{
		return new self($values, [], true);
	}

	/**
	 * Whether the values are a form's: there `x[k]=v` makes a PHP array of names, while
	 * in JSON a PHP array was a JSON array and only an object (stdClass) has names.
	 */
	public function fromForm(): bool
	{
		return $this->fromForm;
	}

	/** The raw value, null when absent. */
	public function raw(string $name): mixed
	{
		return $this->values[$name] ?? null;
	}

	/** Present, and not null, "" or only spaces. */
	public function given(string $name): bool
	{
		$value = $this->raw($name);
		return $value !== null && !(is_string($value) && trim($value) === '');
	}

	/**
	 * Optional text of at most $max characters: null when not given; a number is taken
	 * as its decimal text.
	 *
	 * @throws Refusal invalid_<name>
	 */
	public function text(string $name, int $max): ?string
	{
		if (!$this->given($name)) {
			return null;
		}
		$value = $this->raw($name);
		if (is_int($value) || is_float($value)) {
			$value = JsonBody::numberText($value);
		}
		if (!is_string($value)) {
			throw Refusal::invalid($name, $name . ' must be text.');
		}
		$this->checkUtf8($name, $value);
		if (strlen($value) > $max && Utf8::length($value) > $max) {
			throw Refusal::invalid($name, sprintf('%s must be at most %d characters.', $name, $max));
		}
		return $value;
	}

	/**
	 * @throws Refusal invalid_<name> when the field's raw bytes, or $value, are not UTF-8
	 */
	public function checkUtf8(string $name, string $value = ''): void
	{
		if (in_array($name, $this->notUtf8, true) || !Utf8::isValid($value)) {
			throw Refusal::invalid($name, $name . ' must be valid UTF-8.');
		}
	}
}
