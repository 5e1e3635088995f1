<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Formidable Forms (6.x): `frm_after_create_entry` ($entry_id, $form_id). Its classes are autoloaded
 * on first use, so the plugin is known by the loader function its main file defines (every active
 * plugin's main file is loaded before plugins_loaded). The hook passes ids only:
 * the entry comes from FrmEntry::getOne($entry_id, true) (its metas: field id => value), the
 * fields from FrmField::get_all_for_form($form_id) (id, field_key, name = label, type) and the
 * form's name from FrmForm::getOne($form_id).
 */
final class Formidable implements Integration
{
	public function id(): string
	{
		return 'formidable';
	}

	public function isActive(): bool
	{
		return function_exists('load_formidable_forms');
	}

	public function register(Capture $capture): void
	{
		add_action('frm_after_create_entry', static function ($entryId = null, $formId = null) use ($capture): void {
			$capture->guard('formidable', static function () use ($entryId, $formId): ?Submission {
				$entry = \FrmEntry::getOne((int) $entryId, true);
				$fields = \FrmField::get_all_for_form((int) $formId);
				$form = \FrmForm::getOne((int) $formId);
				return self::extract($entry, is_array($fields) ? $fields : [], $form, (string) $formId);
			});
		}, 30, 2);
	}

	/** @param array<mixed> $fields */
	public static function extract(mixed $entry, array $fields, mixed $form, string $formId): ?Submission
	{
		if (!is_object($entry)) {
			return null;
		}
		$metas = Read::list($entry, 'metas');
		$captured = [];
		foreach ($fields as $field) {
			$id = Read::get($field, 'id');
			$captured[] = new CapturedField(
				Read::text($field, 'field_key'),
				Read::text($field, 'name'),
				Read::text($field, 'type'),
				is_scalar($id) ? CapturedField::text($metas[$id] ?? null) : '',
			);
		}
		return new Submission($formId, Read::text($form, 'name'), $captured);
	}
}
