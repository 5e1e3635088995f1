<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * The per-form mapping overrides of the settings page (docs/contracts.md, "Mapping"): one form per
 * line, `<source>:<form id> <lead field>=<form field key or label> ...`, e.g.
 * `cf7:42 name=your-fullname phone=contact-number`; `<source>:*` applies to every form of it.
 */
final class MappingOverrides
{
	/** @param array<string, array<string, string>> $rules "source:form" => lead field => form field */
	private function __construct(private readonly array $rules)
	{
	}

	/**
	 * @return array{0: self, 1: list<int>} the overrides, and the numbers (1-based) of lines that
	 *                                      could not be read and were left out
	 */
	public static function parse(string $text): array
	{
		$rules = [];
		$bad = [];
		foreach (preg_split('/\R/', $text) ?: [] as $index => $line) {
			$line = trim($line);
			if ($line === '' || str_starts_with($line, '#')) {
				continue;
			}
			$parts = preg_split('/\s+/', $line) ?: [];
			$form = array_shift($parts);
			$map = [];
			foreach ($parts as $pair) {
				if (preg_match('/^(name|email|phone|message)=(.{1,255})$/u', $pair, $match) !== 1) {
					$map = [];
					break;
				}
				$map[$match[1]] = $match[2];
			}
			if ($form === null || preg_match('/^[a-z0-9_-]{1,32}:[^\s]{1,100}$/', $form) !== 1 || $map === []) {
				$bad[] = $index + 1;
				continue;
			}
			$rules[$form] = $map;
		}
		return [new self($rules), $bad];
	}

	/** @return array<string, string> lead field => form field, for one form */
	public function for(string $source, string $formId): array
	{
		return ($this->rules[$source . ':' . $formId] ?? []) + ($this->rules[$source . ':*'] ?? []);
	}
}
