<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * The duplicate rule (docs/contracts.md, "The same submission once"): the same
 * visitor sending the same name, e-mail, phone, message and form name within
 * WINDOW seconds of the first recording is the same submission, whichever
 * entry point (browser, server, a retried POST) it came through. A lead with
 * no visitor (0) is told apart by all it says, its other fields and sale
 * included: only a double post of the same form is the same submission.
 */
final class Fingerprint
{
	public const WINDOW = 600;

	/** 40 hex characters. */
	public static function of(int $visitorId, LeadFields $fields): string
	{
		$parts = [
			$visitorId,
			self::text($fields->name),
			$fields->emailNormalized ?? '',
			$fields->phoneDigits ?? '',
			self::text($fields->message),
			self::text($fields->formName),
		];
		if ($visitorId === 0) {
			array_push($parts, $fields->userFieldsJson() ?? '', $fields->isSale, $fields->saleCost ?? '');
		}
		return sha1((string) json_encode($parts, JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE));
	}

	/**
	 * Text as two channels may write it differently: a textarea posted by a form has
	 * "\r\n" where script has "\n", and people retype with other spaces and case.
	 */
	public static function text(?string $text): string
	{
		if ($text === null) {
			return '';
		}
		$collapsed = preg_replace('/[\s\p{Z}]+/u', ' ', $text);
		$collapsed = trim(is_string($collapsed) ? $collapsed : $text);
		return function_exists('mb_strtolower') ? mb_strtolower($collapsed, 'UTF-8') : strtolower($collapsed);
	}
}
