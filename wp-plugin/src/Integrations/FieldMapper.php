<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

use LeadTrail\Contacts\EmailAddress;
use LeadTrail\Contacts\PhoneNumber;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Leads\UserFields;
use LeadTrail\Support\Utf8;

/**
 * Maps a submission's fields to a lead's name, e-mail, phone and message (docs/contracts.md,
 * "Automatic capture", "Mapping"): first the site's override for the form, then what the
 * integration already knows, then the field's type, then its key or label (English and Russian
 * names). Every other field with a value becomes a user field. Never refuses: a value that does
 * not fit its lead field (an e-mail that is not one, too long a name) goes to the user fields
 * instead, so the lead keeps it.
 */
final class FieldMapper
{
	public const LEAD_FIELDS = ['name', 'email', 'phone', 'message'];

	/** Words that name a lead field, in keys and labels (lower case). */
	private const WORDS = [
		'name' => ['name', 'fullname', 'fio', 'фио', 'имя', 'fname', 'firstname', 'contactname', 'yourname', 'author'],
		'email' => ['email', 'mail', 'почта', 'емейл', 'имейл', 'майл'],
		'phone' => ['phone', 'tel', 'telephone', 'mobile', 'cell', 'whatsapp', 'телефон', 'тел', 'мобильный', 'номер'],
		'message' => ['message', 'comment', 'comments', 'text', 'question', 'msg', 'body', 'content', 'сообщение', 'текст', 'комментарий', 'вопрос', 'описание', 'пожелания'],
	];

	/** Types that name a lead field. */
	private const TYPES = [
		'email' => 'email',
		'tel' => 'phone',
		'phone' => 'phone',
		'textarea' => 'message',
		'name' => 'name',
	];

	/** Fields that are never the visitor's words: ours, the form plugins' own, captchas. */
	private const SKIP = [
		'leadtrail_form', 'leadtrail_hp', 'g-recaptcha-response', 'h-captcha-response', 'cf-turnstile-response',
		'action', 'nonce', 'referer', 'referrer', 'post_id', 'form_id', 'queried_id', 'submit', 'password', 'pass',
	];

	/**
	 * @param array<string, string> $override lead field => the form field's key or label
	 * @return array<string, mixed> the lead's values for LeadInput::fromValues (message as "text")
	 */
	public static function map(Submission $submission, array $override = []): array
	{
		$lead = [];
		$used = [];
		$extra = [];

		foreach ($override as $leadField => $key) {
			foreach ($submission->fields as $index => $field) {
				if (!isset($used[$index]) && in_array($leadField, self::LEAD_FIELDS, true)
					&& ($field->key === $key || $field->label === $key) && $field->value !== '') {
					$lead[$leadField] = $field->value;
					$used[$index] = true;
					break;
				}
			}
		}
		foreach ($submission->known as $leadField => $value) {
			if (!isset($lead[$leadField]) && in_array($leadField, self::LEAD_FIELDS, true) && trim($value) !== '') {
				$lead[$leadField] = trim($value);
			}
		}
		// By type first (an input type="email" is an e-mail whatever its name), then by words.
		foreach ([false, true] as $byWords) {
			foreach ($submission->fields as $index => $field) {
				if (isset($used[$index]) || $field->value === '' || self::skipped($field)) {
					continue;
				}
				$leadField = $byWords ? self::byWords($field) : (self::TYPES[strtolower($field->type)] ?? null);
				if ($leadField === null) {
					continue;
				}
				if (!isset($lead[$leadField])) {
					$lead[$leadField] = $field->value;
					$used[$index] = true;
				} elseif ($leadField === 'name' && $byWords && self::isPartOfName($field)) {
					// "Имя" and "Фамилия", first and last name: one name.
					$lead['name'] .= ' ' . $field->value;
					$used[$index] = true;
				}
			}
		}
		foreach ($submission->fields as $index => $field) {
			if (!isset($used[$index]) && $field->value !== '' && !self::skipped($field)) {
				$extra[self::label($field)] = $field->value;
			}
		}

		return self::fit($lead, $extra, $submission);
	}

	/** Whether a field is one of the hidden credentials, a plugin's internal field or a captcha. */
	public static function skipped(CapturedField $field): bool
	{
		$key = strtolower($field->key);
		return in_array($key, CapturedIdentity::FIELD_NAMES, true)
			|| in_array($key, self::SKIP, true)
			|| str_starts_with($key, '_')
			|| strtolower($field->type) === 'hidden' && $field->label === ''
			|| in_array(strtolower($field->type), ['password', 'submit', 'captcha', 'file', 'html'], true);
	}

	/** The lead field a key or label names, by its words; null when none. */
	public static function byWords(CapturedField $field): ?string
	{
		foreach ([$field->key, $field->label] as $text) {
			$words = self::words($text);
			if ($words === []) {
				continue;
			}
			foreach (self::WORDS as $leadField => $names) {
				if (array_intersect($words, $names) !== [] || in_array(implode('', $words), $names, true)) {
					return $leadField;
				}
			}
		}
		return null;
	}

	/** @return list<string> */
	private static function words(string $text): array
	{
		$text = mb_strtolower($text, 'UTF-8');
		// "e-mail", "e_mail", "E mail" are one word.
		$text = preg_replace('/(?<![a-z])e[\s_-]?mail/', 'email', $text) ?? $text;
		$parts = preg_split('/[^\p{L}\p{N}]+/u', $text, -1, PREG_SPLIT_NO_EMPTY);
		$stop = ['your', 'you', 'my', 'the', 'form', 'fields', 'field', 'input', 'ваш', 'ваше', 'ваша', 'ваши', 'введите', 'укажите'];
		return is_array($parts) ? array_values(array_diff($parts, $stop)) : [];
	}

	private static function isPartOfName(CapturedField $field): bool
	{
		$words = self::words($field->key . ' ' . $field->label);
		return array_intersect($words, ['last', 'lastname', 'lname', 'surname', 'фамилия', 'отчество', 'middle', 'family']) !== [];
	}

	private static function label(CapturedField $field): string
	{
		$label = trim($field->label) !== '' ? trim($field->label) : $field->key;
		return Utf8::isValid($label) ? Utf8::truncate($label, UserFields::MAX_NAME) : 'field';
	}

	/**
	 * Makes the values pass LeadFields' rules without losing anything: a value that does not fit
	 * its lead field becomes a user field.
	 *
	 * @param array<string, string> $lead
	 * @param array<string, string> $extra
	 * @return array<string, mixed>
	 */
	private static function fit(array $lead, array $extra, Submission $submission): array
	{
		$values = [];
		$moved = [];
		foreach ($lead as $leadField => $value) {
			if (!Utf8::isValid($value)) {
				continue;
			}
			$fits = match ($leadField) {
				'email' => EmailAddress::normalize($value) !== null,
				'phone' => PhoneNumber::normalize($value) !== null,
				default => true,
			};
			if (!$fits) {
				$moved[$leadField] = $value;
				continue;
			}
			$values[$leadField === 'message' ? 'text' : $leadField] = match ($leadField) {
				'name' => Utf8::truncate($value, LeadFields::MAX_NAME),
				'message' => Utf8::truncate($value, LeadFields::MAX_MESSAGE),
				default => $value,
			};
		}
		$extra = $moved + $extra;
		if ($submission->formName !== null && trim($submission->formName) !== '' && Utf8::isValid($submission->formName)) {
			$values['form_name'] = Utf8::truncate(trim($submission->formName), LeadFields::MAX_FORM_NAME);
		}
		if ($submission->isSale) {
			$values['is_sale'] = true;
			if ($submission->saleCost !== null) {
				$values['sale_cost'] = $submission->saleCost;
			}
		}
		$userFields = [];
		foreach ($extra as $name => $value) {
			if (count($userFields) >= UserFields::MAX_ENTRIES || !Utf8::isValid($value) || $name === '') {
				continue;
			}
			$userFields[(string) $name] = Utf8::truncate($value, UserFields::MAX_VALUE);
		}
		if ($userFields !== []) {
			$values[UserFields::FIELD] = $userFields;
		}
		return $values;
	}
}
