<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

/**
 * Formidable Forms (6.x): `frm_after_create_entry` ($entry_id, $form_id). The hook passes ids only:
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
		return class_exists('FrmEntry', false) && class_exists('FrmField', false);
	}

	public function register(Capture $capture): void
	{
		add_action('frm_after_create_entry', static function ($entryId = null, $formId = null) use ($capture): void {
			$capture->guard('formidable', static function () use ($entryId, $formId): ?Submission {
				$entry = \FrmEntry::getOne((int) $entryId, true);
				$fields = \FrmField::get_all_for_form((int) $formId);
				$form = class_exists('FrmForm', false) ? \FrmForm::getOne((int) $formId) : null;
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
