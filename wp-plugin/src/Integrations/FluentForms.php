<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Fluent Forms (5.x): `fluentform/submission_inserted` ($entryId, $formData, $form); $formData is
 * the posted name => value ("names" => {first_name, last_name}, "email", "phone", "message"), $form
 * the form's row (id, title).
 */
final class FluentForms implements Integration
{
	public function id(): string
	{
		return 'fluentforms';
	}

	public function isActive(): bool
	{
		return defined('FLUENTFORM') || defined('FLUENTFORM_VERSION');
	}

	public function register(Capture $capture): void
	{
		add_action('fluentform/submission_inserted', static function ($entryId = null, $formData = null, $form = null) use ($capture): void {
			$capture->guard('fluentforms', static fn (): ?Submission => self::extract($formData, $form));
		}, 10, 3);
	}

	public static function extract(mixed $formData, mixed $form): ?Submission
	{
		if (!is_array($formData)) {
			return null;
		}
		return new Submission(Read::text($form, 'id'), Read::text($form, 'title'), Read::pairs($formData), $formData);
	}
}
