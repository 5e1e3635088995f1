<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Ninja Forms (3.x): `ninja_forms_after_submission` ($form_data); $form_data['fields'] is a list of
 * {id, key, label, type, value} ("email", "phone", "textarea", "firstname", "lastname", ...),
 * $form_data['form_id'] and $form_data['settings']['title'] name the form.
 */
final class NinjaForms implements Integration
{
	public function id(): string
	{
		return 'ninjaforms';
	}

	public function isActive(): bool
	{
		return class_exists('Ninja_Forms', false) || function_exists('Ninja_Forms');
	}

	public function register(Capture $capture): void
	{
		add_action('ninja_forms_after_submission', static function ($formData = null) use ($capture): void {
			$capture->guard('ninjaforms', static fn (): ?Submission => self::extract($formData));
		});
	}

	public static function extract(mixed $formData): ?Submission
	{
		if (!is_array($formData)) {
			return null;
		}
		$captured = [];
		foreach (Read::list($formData, 'fields') as $field) {
			$type = Read::text($field, 'type');
			$captured[] = new CapturedField(
				Read::text($field, 'key'),
				Read::text($field, 'label'),
				match ($type) {
					'firstname' => 'name',
					'lastname' => 'text',
					default => $type,
				},
				Read::text($field, 'value'),
			);
		}
		return new Submission(Read::text($formData, 'form_id'), Read::text(Read::get($formData, 'settings'), 'title'), $captured);
	}
}
