<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Identity\Clock;
use LeadTrail\Leads\ClientAddress;
use LeadTrail\Leads\RateLimit;
use LeadTrail\Leads\RateLimitBucket;
use LeadTrail\Options;
use LeadTrail\Storage\Sql;

/**
 * The webhook's limits per client address, counted in the rate-limit table the
 * leads use (a sliding 10-minute window). A request with no address (the CLI,
 * cron) is never limited.
 */
final class CallRateLimit
{
	private readonly Sql $sql;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
	}

	/**
	 * Whether one more try of $kind would exceed $limit; counts it when $count.
	 *
	 * @throws \LeadTrail\Ingest\StorageUnavailable
	 */
	public function over(string $kind, int $limit, bool $count): bool
	{
		$wpdb = $this->wpdb;
		$address = ClientAddress::fromServer($_SERVER, (string) get_option(Options::TRUSTED_PROXIES, ''));
		if ($address === null) {
			return false;
		}
		$rate = new RateLimit($limit, RateLimit::WINDOW);
		$now = Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
		$bucket = RateLimitBucket::key((string) get_option(Options::SECRET, ''), $kind, ClientAddress::bucket($address));
		$start = $rate->windowStart($now);
		if ($count) {
			$this->sql->execute($wpdb->prepare(
				"INSERT INTO {$wpdb->leadtrail_rate_limits} (bucket, window_start, hits) VALUES (%s, %d, 1) ON DUPLICATE KEY UPDATE hits = hits + 1",
				$bucket,
				$start
			));
		}
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT window_start, hits FROM {$wpdb->leadtrail_rate_limits} WHERE bucket = %s AND window_start IN (%d, %d)",
			$bucket,
			$start,
			$start - $rate->window
		), ARRAY_A);
		$this->sql->failIfError();
		$counts = [$start => 0, $start - $rate->window => 0];
		foreach (is_array($rows) ? $rows : [] as $row) {
			$counts[(int) $row['window_start']] = (int) $row['hits'];
		}
		$current = $counts[$start] + ($count ? 0 : 1);
		return !$rate->decide($now, max(1, $current), $counts[$start - $rate->window])->allowed;
	}
}
