<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

/**
 * The captcha of the callback form (A8; docs/contracts.md, "Captcha"): a random
 * key of 32 letters and digits whose answer, 4 digits, is derived from the key
 * with the site's secret, so the image can be drawn again from the key alone.
 * The table keeps only hashes: of the key, and of the answer with the key. A key
 * lives 5 minutes and answers once: the first call that names it uses it up.
 */
final class Captcha
{
	public const KEY_LENGTH = 32;
	public const DIGITS = 4;
	/** Seconds a key stays valid. */
	public const TTL = 300;
	private const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

	public function __construct(private readonly string $secret)
	{
	}

	public static function newKey(): string
	{
		$key = '';
		$last = strlen(self::ALPHABET) - 1;
		for ($i = 0; $i < self::KEY_LENGTH; $i++) {
			$key .= self::ALPHABET[random_int(0, $last)];
		}
		return $key;
	}

	public static function isKey(mixed $key): bool
	{
		return is_string($key) && preg_match('/^[A-Za-z0-9]{' . self::KEY_LENGTH . '}$/', $key) === 1;
	}

	/** What the table stores to find a key (never the key itself). */
	public static function keyHash(string $key): string
	{
		return hash('sha256', 'leadtrail-captcha-key|' . $key);
	}

	/** The 4 digits the key's image shows. */
	public function answer(string $key): string
	{
		$mac = hash_hmac('sha256', 'answer|' . $key, 'leadtrail-captcha|' . $this->secret, true);
		$number = unpack('N', substr($mac, 0, 4));
		return str_pad((string) (($number[1] ?? 0) % 10 ** self::DIGITS), self::DIGITS, '0', STR_PAD_LEFT);
	}

	public function answerHash(string $key, string $answer): string
	{
		return hash_hmac('sha256', $key . '|' . $answer, 'leadtrail-captcha-answer|' . $this->secret);
	}

	/**
	 * Whether a stored key still shows its image: known, not used, not expired.
	 */
	public static function isLive(?CaptchaRow $row, int $now): bool
	{
		return $row !== null && !$row->used && $now < $row->expiresAt;
	}

	/**
	 * Whether $value answers the key. $row is the stored key as it was before this call
	 * took it (null when unknown); a used or expired key never answers.
	 */
	public function accepts(?CaptchaRow $row, string $key, ?string $value, int $now): bool
	{
		if (!self::isLive($row, $now) || $value === null) {
			return false;
		}
		// People type spaces around digits; nothing else is forgiven.
		return hash_equals($row->answerHash, $this->answerHash($key, trim($value)));
	}
}
