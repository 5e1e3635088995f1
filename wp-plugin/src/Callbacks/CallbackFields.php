<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use LeadTrail\Contacts\PhoneNumber;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Leads\LeadInput;

/**
 * What a callback order says, checked (docs/contracts.md, "sitePhoneCall"), in the
 * order phone, captcha_key, captcha_value, delayed_call_time, group_id; the first
 * bad one is refused. Absent, null, "" or blank is "not given".
 */
final class CallbackFields
{
	public const MAX_CAPTCHA_KEY = 64;
	public const MAX_CAPTCHA_VALUE = 64;
	/** delayed_call_time may lie this far in the past (the visitor's clock, the trip here). */
	public const PAST_SECONDS = 60;
	/** ... and at most this far ahead. */
	public const AHEAD_SECONDS = 30 * 86400;

	public function __construct(
		public readonly string $phone,
		public readonly string $phoneDigits,
		public readonly ?string $captchaKey,
		public readonly ?string $captchaValue,
		/** When to call, unix seconds; null: now. */
		public readonly ?int $callAt,
		public readonly ?int $groupId,
	) {
	}

	/**
	 * A left-out captcha is no refusal here: when the captcha is on, it is a wrong one (status 1),
	 * decided with the others in CallbackService.
	 *
	 * @param int $now the server's clock, unix seconds
	 * @throws Refusal
	 */
	public static function read(LeadInput $input, int $now): self
	{
		$phone = $input->text('phone', PhoneNumber::MAX_LENGTH);
		if ($phone === null) {
			throw Refusal::missing('phone');
		}
		$digits = PhoneNumber::normalize($phone);
		if ($digits === null) {
			throw Refusal::invalid('phone', sprintf(
				'phone must have %d to %d digits; only + ( ) - . and spaces may stand between them.',
				PhoneNumber::MIN_DIGITS,
				PhoneNumber::MAX_DIGITS,
			));
		}

		$key = $input->text('captcha_key', self::MAX_CAPTCHA_KEY);
		$value = $input->text('captcha_value', self::MAX_CAPTCHA_VALUE);

		$callAt = null;
		if ($input->given('delayed_call_time')) {
			$callAt = self::callAt($input->raw('delayed_call_time'), $now);
			if ($callAt === null) {
				throw Refusal::invalid(
					'delayed_call_time',
					'delayed_call_time must be UTC milliseconds (a number or a string of digits), from 1 minute ago to 30 days ahead.',
				);
			}
		}

		$groupId = null;
		if ($input->given('group_id')) {
			$groupId = LeadFields::groupId($input->raw('group_id'));
			if ($groupId === null) {
				throw Refusal::invalid('group_id', 'group_id must be a positive whole number.');
			}
		}

		return new self($phone, $digits, $key, $value, $callAt, $groupId);
	}

	/** The captcha field that was not given, captcha_key first; null when both were. */
	public function missingCaptcha(): ?string
	{
		if ($this->captchaKey === null) {
			return 'captcha_key';
		}
		return $this->captchaValue === null ? 'captcha_value' : null;
	}

	/**
	 * delayed_call_time as unix seconds (milliseconds rounded down), or null when it is
	 * not UTC milliseconds within [now − 1 minute, now + 30 days].
	 */
	public static function callAt(mixed $value, int $now): ?int
	{
		if (is_string($value)) {
			if (preg_match('/^[0-9]{1,16}$/', $value) !== 1) {
				return null;
			}
			$value = (int) $value;
		} elseif (is_float($value)) {
			// JSON writes large whole numbers such as 1.508927547e12 as floats.
			if (!is_finite($value) || floor($value) !== $value || abs($value) > 1e16) {
				return null;
			}
			$value = (int) $value;
		}
		if (!is_int($value) || $value < ($now - self::PAST_SECONDS) * 1000 || $value > ($now + self::AHEAD_SECONDS) * 1000) {
			return null;
		}
		return intdiv($value, 1000);
	}
}
