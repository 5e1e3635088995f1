<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Gravity Forms (2.7): `gform_after_submission` ($entry, $form); $form['fields'] holds GF_Field
 * objects (id, label, type, inputs), the entry their values by field id ("1") or input id ("1.3").
 */
final class GravityForms implements Integration
{
	public function id(): string
	{
		return 'gravityforms';
	}

	public function isActive(): bool
	{
		return class_exists('GFForms', false);
	}

	public function register(Capture $capture): void
	{
		add_action('gform_after_submission', static function ($entry = null, $form = null) use ($capture): void {
			$capture->guard('gravityforms', static fn (): ?Submission => self::extract($entry, $form));
		}, 10, 2);
	}

	public static function extract(mixed $entry, mixed $form): ?Submission
	{
		if ((!is_array($entry) && !$entry instanceof \ArrayAccess) || (!is_array($form) && !$form instanceof \ArrayAccess)) {
			return null;
		}
		$captured = [];
		foreach (Read::list($form, 'fields') as $field) {
			$id = Read::text($field, 'id');
			$inputs = Read::list($field, 'inputs');
			$value = Read::text($entry, $id);
			if ($value === '' && $inputs !== []) {
				// A name or address: its parts (first, last, ...) in order, as one value.
				$parts = [];
				foreach ($inputs as $input) {
					$part = Read::text($entry, Read::text($input, 'id'));
					if ($part !== '') {
						$parts[] = $part;
					}
				}
				$value = implode(' ', $parts);
			}
			$captured[] = new CapturedField('input_' . $id, Read::text($field, 'label'), Read::text($field, 'type'), $value);
		}
		return new Submission(Read::text($form, 'id'), Read::text($form, 'title'), $captured);
	}
}
