<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Custom code: `do_action('leadtrail_capture_request', array $fields, array $context)`.
 * $fields: field name => value (mapped like any form), or field name => {value, type, label};
 * $context (all optional): form_name, form_id, credentials (the hidden fields' values; else the
 * request's POST and the visitor's cookies are read), is_sale, sale_cost.
 */
final class CustomAction implements Integration
{
	public const HOOK = 'leadtrail_capture_request';

	public function id(): string
	{
		return 'custom';
	}

	public function isActive(): bool
	{
		return true;
	}

	public function register(Capture $capture): void
	{
		add_action(self::HOOK, static function ($fields = null, $context = []) use ($capture): void {
			$capture->guard('custom', static fn (): ?Submission => self::extract($fields, is_array($context) ? $context : []));
		}, 10, 2);
	}

	/** @param array<mixed> $context */
	public static function extract(mixed $fields, array $context): ?Submission
	{
		if (!is_array($fields)) {
			return null;
		}
		$captured = [];
		foreach ($fields as $name => $field) {
			if (is_array($field) && array_key_exists('value', $field)) {
				$captured[] = new CapturedField((string) $name, Read::text($field, 'label'), Read::text($field, 'type') ?: 'text', Read::text($field, 'value'));
			} else {
				$captured[] = new CapturedField((string) $name, '', 'text', CapturedField::text($field));
			}
		}
		$saleCost = CapturedField::text($context['sale_cost'] ?? null);
		return new Submission(
			Read::text($context, 'form_id'),
			Read::text($context, 'form_name'),
			$captured,
			Read::list($context, 'credentials'),
			[],
			!empty($context['is_sale']),
			$saleCost === '' ? null : $saleCost,
		);
	}
}
