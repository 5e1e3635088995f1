<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use DateTimeZone;

/**
 * One call as a provider's webhook or a call-log row reports it, read and checked
 * field by field (docs/contracts.md, "Calls"). Both entry points read the same
 * fields, so a call sent by the webhook and imported later is the same call.
 */
final class IncomingCall
{
	public const CALLED = 'called_number';
	public const CALLER = 'caller_number';
	public const START = 'start_time';
	public const DURATION = 'duration';
	public const STATUS = 'status';
	public const RECORDING = 'recording_url';
	public const CALL_ID = 'call_id';
	/** Every field, in the order the import's mapping and the documentation list them. */
	public const FIELDS = [self::CALLED, self::CALLER, self::START, self::DURATION, self::STATUS, self::RECORDING, self::CALL_ID];
	public const REQUIRED = [self::CALLED, self::CALLER, self::START, self::STATUS];

	private const MAX_DURATION = 86400;
	private const MAX_URL = 2048;
	private const MAX_CALL_ID = 191;
	private const ANSWERED = ['answered', 'answer', 'yes', 'true', '1', 'success', 'completed'];
	private const MISSED = ['missed', 'no answer', 'no_answer', 'noanswer', 'not answered', 'busy', 'failed', 'cancel', 'canceled', 'cancelled', 'no', 'false', '0'];

	private function __construct(
		public readonly string $called,
		public readonly string $caller,
		public readonly int $startedAt,
		public readonly int $duration,
		public readonly bool $answered,
		public readonly string $recordingUrl,
		public readonly ?string $providerCallId,
	) {
	}

	/**
	 * @param array<string, mixed> $fields the fields by name; others are ignored
	 * @throws InvalidCallField the first field that does not fit, in FIELDS order
	 */
	public static function fromFields(array $fields, DateTimeZone $zone, int $now): self
	{
		return new self(
			self::number($fields, self::CALLED),
			self::number($fields, self::CALLER),
			CallTime::parse($fields[self::START] ?? null, $zone, $now, self::START),
			self::duration($fields[self::DURATION] ?? null),
			self::answered($fields[self::STATUS] ?? null),
			self::recording($fields[self::RECORDING] ?? null),
			self::callId($fields[self::CALL_ID] ?? null),
		);
	}

	/**
	 * The idempotency key: the provider's call id when it gave one, else number +
	 * caller + start time, which one call has and two calls never share.
	 */
	public function key(): string
	{
		return hash('sha256', $this->providerCallId !== null
			? 'id|' . $this->providerCallId
			: 'call|' . $this->called . '|' . $this->caller . '|' . $this->startedAt);
	}

	/** @param array<string, mixed> $fields */
	private static function number(array $fields, string $field): string
	{
		$value = $fields[$field] ?? null;
		if ($value === null || $value === '') {
			throw new InvalidCallField($field, 'required: a phone number');
		}
		$digits = CallNumber::normalize($value);
		if ($digits === null) {
			throw new InvalidCallField($field, 'not a phone number (7 to 15 digits, as +7 495 182-51-68 or 74951825168)');
		}
		return $digits;
	}

	private static function duration(mixed $value): int
	{
		if ($value === null || $value === '') {
			return 0;
		}
		if (is_string($value)) {
			$value = trim($value);
			// "00:02:15", as many call logs write durations.
			if (preg_match('/^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$/', $value, $m) === 1) {
				$value = (int) $m[1] * 3600 + (int) $m[2] * 60 + (int) $m[3];
			} elseif (preg_match('/^\d{1,5}$/', $value) === 1) {
				$value = (int) $value;
			}
		}
		if (!is_int($value) || $value < 0 || $value > self::MAX_DURATION) {
			throw new InvalidCallField(self::DURATION, 'not a number of seconds from 0 to 86400 (or h:mm:ss)');
		}
		return $value;
	}

	private static function answered(mixed $value): bool
	{
		if (is_bool($value)) {
			return $value;
		}
		if (is_int($value)) {
			$value = (string) $value;
		}
		if (!is_string($value) || trim($value) === '') {
			throw new InvalidCallField(self::STATUS, 'required: answered or missed');
		}
		$word = strtolower(trim($value));
		if (in_array($word, self::ANSWERED, true)) {
			return true;
		}
		if (in_array($word, self::MISSED, true)) {
			return false;
		}
		throw new InvalidCallField(self::STATUS, 'not answered or missed');
	}

	private static function recording(mixed $value): string
	{
		if ($value === null || $value === '') {
			return '';
		}
		$url = is_string($value) ? trim($value) : '';
		$parts = parse_url($url);
		if (strlen($url) > self::MAX_URL
			|| !is_array($parts)
			|| !in_array(strtolower($parts['scheme'] ?? ''), ['http', 'https'], true)
			|| ($parts['host'] ?? '') === ''
			|| preg_match('/[\s\x00-\x1f\x7f]/', $url) === 1) {
			throw new InvalidCallField(self::RECORDING, 'not an http or https address');
		}
		return $url;
	}

	private static function callId(mixed $value): ?string
	{
		if (is_int($value)) {
			$value = (string) $value;
		}
		if ($value === null || $value === '') {
			return null;
		}
		if (!is_string($value) || strlen(trim($value)) > self::MAX_CALL_ID || preg_match('/^[\x21-\x7e]+$/', trim($value)) !== 1) {
			throw new InvalidCallField(self::CALL_ID, 'not up to 191 printable ASCII characters');
		}
		return trim($value);
	}
}
