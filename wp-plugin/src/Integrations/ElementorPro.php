<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Elementor Pro forms (3.x): `elementor_pro/forms/new_record` ($record, $ajax_handler); the record's
 * get('fields') is field id => {id, type, title, value, raw_value}, and
 * get_form_settings('form_name') / get_form_settings('id') name the form.
 */
final class ElementorPro implements Integration
{
	public function id(): string
	{
		return 'elementor';
	}

	public function isActive(): bool
	{
		return defined('ELEMENTOR_PRO_VERSION');
	}

	public function register(Capture $capture): void
	{
		add_action('elementor_pro/forms/new_record', static function ($record = null) use ($capture): void {
			$capture->guard('elementor', static fn (): ?Submission => self::extract($record));
		}, 10, 2);
	}

	public static function extract(mixed $record): ?Submission
	{
		if (!is_object($record) || !method_exists($record, 'get')) {
			return null;
		}
		$fields = $record->get('fields');
		if (!is_array($fields)) {
			return null;
		}
		$captured = [];
		foreach ($fields as $id => $field) {
			$captured[] = new CapturedField(
				Read::text($field, 'id') !== '' ? Read::text($field, 'id') : (string) $id,
				Read::text($field, 'title'),
				Read::text($field, 'type'),
				Read::text($field, 'raw_value') !== '' ? Read::text($field, 'raw_value') : Read::text($field, 'value'),
			);
		}
		$setting = static fn (string $name): string => method_exists($record, 'get_form_settings')
			? CapturedField::text($record->get_form_settings($name)) : '';
		return new Submission($setting('id'), $setting('form_name'), $captured);
	}
}
