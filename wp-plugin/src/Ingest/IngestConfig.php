<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Identity\Clock;
use LeadTrail\Identity\SessionRules;
use LeadTrail\Identity\SiteTimezone;
use LeadTrail\Identity\Token;
use LeadTrail\Options;
use LeadTrail\Phones\PhoneSettings;
use LeadTrail\Traffic\SourceDetector;

/**
 * What the hit endpoint needs from the site's options, built from raw option
 * values so the lean endpoint can read them all in one query.
 */
final class IngestConfig
{
	/** The options read by one SELECT per hit. */
	public const OPTION_NAMES = [
		Options::SITE_KEY,
		Options::SECRET,
		Options::IDLE_MINUTES,
		Options::SPLIT_MIDNIGHT,
		Options::SPLIT_SOURCE,
		Options::TEST_CLOCK_OFFSET,
		Options::TRUSTED_PROXIES,
		Options::HIT_CEILING,
		Options::VISITOR_CEILING,
		Options::PHONE_NUMBERS,
		Options::TEST_NUMBER_TAKE_PAUSE,
		Options::CHAT_AVAILABLE_UNTIL,
		'timezone_string',
		'gmt_offset',
		'home',
	];

	private function __construct(
		private readonly string $siteKey,
		private readonly ?Token $token,
		public readonly SessionRules $sessionRules,
		public readonly SourceDetector $sources,
		public readonly Clock $clock,
		private readonly string $secret,
		public readonly string $trustedProxies,
		public readonly int $hitCeiling,
		public readonly int $visitorCeiling,
		public readonly PhoneSettings $phones,
		/** Test mode only: milliseconds a pool number's take holds its lock before the COMMIT (0: none). */
		public readonly int $takePause = 0,
		/** Until when (unix seconds) an operator is available: the answer's `chat` (Chat\Presence). */
		public readonly int $chatUntil = 0,
	) {
	}

	/** @param array<string, string> $options option_name => option_value */
	public static function fromOptions(array $options): self
	{
		$secret = $options[Options::SECRET] ?? '';
		$idle = filter_var(
			$options[Options::IDLE_MINUTES] ?? '',
			FILTER_VALIDATE_INT,
			['options' => ['min_range' => SessionRules::MIN_IDLE_MINUTES, 'max_range' => SessionRules::MAX_IDLE_MINUTES]],
		);

		return new self(
			$options[Options::SITE_KEY] ?? '',
			// Never sign with an empty or short secret: without one no token is valid.
			strlen($secret) >= 32 ? new Token($secret) : null,
			new SessionRules(
				$idle === false ? SessionRules::DEFAULT_IDLE_MINUTES : $idle,
				($options[Options::SPLIT_MIDNIGHT] ?? '1') !== '0',
				($options[Options::SPLIT_SOURCE] ?? '1') !== '0',
				SiteTimezone::fromOptions($options['timezone_string'] ?? '', $options['gmt_offset'] ?? '0'),
			),
			new SourceDetector($options['home'] ?? ''),
			Clock::withTestOffset($options[Options::TEST_CLOCK_OFFSET] ?? null),
			$secret,
			$options[Options::TRUSTED_PROXIES] ?? '',
			self::ceiling($options[Options::HIT_CEILING] ?? '', AddressCeiling::HITS),
			self::ceiling($options[Options::VISITOR_CEILING] ?? '', AddressCeiling::NEW_VISITORS),
			PhoneSettings::fromJson($options[Options::PHONE_NUMBERS] ?? ''),
			Clock::testMode() ? max(0, min(2000, (int) ($options[Options::TEST_NUMBER_TAKE_PAUSE] ?? 0))) : 0,
			(int) ($options[Options::CHAT_AVAILABLE_UNTIL] ?? 0),
		);
	}

	/** The counter of one address under one ceiling: keyed with the site's secret, so no address is stored. */
	public function ceilingBucket(string $kind, string $address): string
	{
		return substr(hash_hmac('sha256', $kind . '|' . $address, 'leadtrail-ceiling|' . $this->secret), 0, 40);
	}

	/** A ceiling option: a whole number from 1 up, else the default. */
	private static function ceiling(string $value, int $default): int
	{
		$ceiling = filter_var($value, FILTER_VALIDATE_INT, ['options' => ['min_range' => 1]]);
		return $ceiling === false ? $default : $ceiling;
	}

	/**
	 * The token signer for hits that carry this site's key, else null.
	 * A site without a key or secret (not activated yet) accepts no key.
	 */
	public function tokenFor(string $siteKey): ?Token
	{
		return $this->siteKey !== '' && hash_equals($this->siteKey, $siteKey) ? $this->token : null;
	}
}
