<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use DateTimeZone;
use LeadTrail\Identity\Clock;
use LeadTrail\Options;

/**
 * Records one call from its fields, for the webhook and the import alike: reads
 * the fields, attributes the call as of its start time, stores it once.
 */
final class PhoneCallRecorder
{
	public function __construct(
		private readonly CallAttributor $attributor,
		private readonly PhoneCallStore $store,
		private readonly DateTimeZone $zone,
		private readonly int $now,
		private readonly bool $notifyMissed,
	) {
	}

	public static function forSite(\wpdb $wpdb): self
	{
		return new self(
			new CallAttributor($wpdb),
			new PhoneCallStore($wpdb),
			wp_timezone(),
			Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now(),
			get_option(CallOptions::NOTIFY_MISSED, '0') === '1',
		);
	}

	/**
	 * @param array<string, mixed> $fields
	 * @throws InvalidCallField
	 * @throws \LeadTrail\Ingest\StorageUnavailable
	 */
	public function record(array $fields, string $origin): RecordedCall
	{
		$call = IncomingCall::fromFields($fields, $this->zone, $this->now);
		// An imported log is history: its missed calls were dealt with, or are too old to mail about.
		$notify = $this->notifyMissed && $origin === PhoneCallStore::WEBHOOK;
		return $this->store->add($call, $this->attributor->attribute($call->called, $call->startedAt), $origin, $notify, $this->now);
	}

	/**
	 * @param array<mixed> $fields
	 * @throws InvalidCallField
	 */
	public function read(array $fields): IncomingCall
	{
		return IncomingCall::fromFields($fields, $this->zone, $this->now);
	}
}
