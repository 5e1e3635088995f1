<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Fluent Forms (5.x, 6.x): `fluentform/submission_inserted` ($entryId, $formData, $form); $formData
 * is the form's fields by name ("names" => {first_name, last_name}, "email", "phone", "message"),
 * $form the form's row (id, title). The browser posts the whole form, hidden fields included, as
 * one urlencoded string in `$_POST['data']`: the visitor's hidden fields are read from there.
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
			// phpcs:ignore WordPress.Security.NonceVerification,WordPress.Security.ValidatedSanitizedInput -- a visitor's form, checked by Fluent Forms; only parsed here
			$data = isset($_POST['data']) && is_string($_POST['data']) ? wp_unslash($_POST['data']) : null;
			$capture->guard('fluentforms', static fn (): ?Submission => self::extract($formData, $form, $data));
		}, 10, 3);
	}

	public static function extract(mixed $formData, mixed $form, ?string $data = null): ?Submission
	{
		if (!is_array($formData)) {
			return null;
		}
		$posted = [];
		if ($data !== null) {
			parse_str($data, $posted);
		}
		return new Submission(Read::text($form, 'id'), Read::text($form, 'title'), Read::pairs($formData), $formData + $posted);
	}
}
