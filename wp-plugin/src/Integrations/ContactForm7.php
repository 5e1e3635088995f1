<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Contact Form 7 (5.x): `wpcf7_before_send_mail` (WPCF7_ContactForm $contact_form, &$abort,
 * WPCF7_Submission $submission), with the posted data from
 * WPCF7_Submission::get_instance()->get_posted_data() and the field types from the form's tags.
 */
final class ContactForm7 implements Integration
{
	public function id(): string
	{
		return 'cf7';
	}

	public function isActive(): bool
	{
		return class_exists('WPCF7_ContactForm', false);
	}

	public function register(Capture $capture): void
	{
		add_action('wpcf7_before_send_mail', static function ($form = null, $abort = null, $submission = null) use ($capture): void {
			$capture->guard('cf7', static function () use ($form, $submission): ?Submission {
				if (!is_object($submission) && class_exists('WPCF7_Submission', false)) {
					$submission = \WPCF7_Submission::get_instance();
				}
				return self::extract($form, $submission);
			});
		}, 10, 3);
	}

	public static function extract(mixed $form, mixed $submission): ?Submission
	{
		if (!is_object($submission) || !method_exists($submission, 'get_posted_data') || !is_object($form)) {
			return null;
		}
		$posted = $submission->get_posted_data();
		if (!is_array($posted)) {
			return null;
		}
		$types = [];
		if (method_exists($form, 'scan_form_tags')) {
			foreach ((array) $form->scan_form_tags() as $tag) {
				$name = Read::text($tag, 'name');
				if ($name !== '') {
					$types[$name] = Read::text($tag, 'basetype');
				}
			}
		}
		return new Submission(
			method_exists($form, 'id') ? (string) $form->id() : '',
			method_exists($form, 'title') ? (string) $form->title() : null,
			Read::pairs($posted, $types),
			$posted,
		);
	}
}
