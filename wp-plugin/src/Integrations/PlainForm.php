<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

use LeadTrail\Leads\RateLimited;

/**
 * A site's own `<form data-leadtrail method="post">` posted to a front-end page (docs/contracts.md,
 * "Plain forms"): captured when the POST carries the field `leadtrail_form` (the form's name,
 * which the site owner puts in the form as a hidden input) and the runtime's hidden fields or
 * the visitor's cookies. The page then renders as it would anyway.
 */
final class PlainForm implements Integration
{
	public const MARKER = 'leadtrail_form';

	public function id(): string
	{
		return 'form';
	}

	public function isActive(): bool
	{
		return true;
	}

	public function register(Capture $capture): void
	{
		add_action('template_redirect', static function () use ($capture): void {
			// phpcs:ignore WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput -- a visitor's form: no nonce to check; the method is only compared with "POST"
			if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST' || !isset($_POST[self::MARKER])) {
				return;
			}
			// phpcs:ignore WordPress.Security.NonceVerification.Missing -- a visitor's form: no nonce to check; every field is validated
			$capture->guard('form', static fn (): Submission => self::extract(wp_unslash($_POST)), self::refuse(...));
		}, 1);
	}

	/**
	 * The post is ours alone, so a flood gets the rate limit's answer: 429 with Retry-After
	 * (docs/contracts.md, "Rate limits"), in place of the page.
	 */
	public static function refuse(RateLimited $limited): void
	{
		header('Retry-After: ' . $limited->retryAfter);
		wp_die(
			esc_html(sprintf(
				/* translators: %d: seconds */
				__('Too many requests; try again in %d seconds.', 'leadtrail'),
				$limited->retryAfter
			)),
			esc_html__('Too many requests', 'leadtrail'),
			['response' => 429]
		);
	}

	/** @param array<mixed> $post */
	public static function extract(array $post): Submission
	{
		$name = CapturedField::text($post[self::MARKER] ?? null);
		return new Submission($name, $name, Read::pairs($post), $post);
	}
}
