<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * WPForms (1.8): `wpforms_process_complete` ($fields, $entry, $form_data, $entry_id); $fields is
 * field id => {id, name (the label), type, value}.
 */
final class WPForms implements Integration
{
	public function id(): string
	{
		return 'wpforms';
	}

	public function isActive(): bool
	{
		return function_exists('wpforms') || class_exists('WPForms', false);
	}

	public function register(Capture $capture): void
	{
		add_action('wpforms_process_complete', static function ($fields = null, $entry = null, $formData = null) use ($capture): void {
			$capture->guard('wpforms', static fn (): ?Submission => self::extract($fields, $entry, $formData));
		}, 10, 4);
	}

	public static function extract(mixed $fields, mixed $entry, mixed $formData): ?Submission
	{
		if (!is_array($fields)) {
			return null;
		}
		$captured = [];
		foreach ($fields as $id => $field) {
			$captured[] = new CapturedField(
				'wpforms[fields][' . Read::text($field, 'id') . ']',
				Read::text($field, 'name'),
				Read::text($field, 'type'),
				Read::text($field, 'value'),
			);
		}
		$settings = Read::get($formData, 'settings');
		return new Submission(
			Read::text($formData, 'id'),
			Read::text($settings, 'form_title'),
			$captured,
		);
	}
}
