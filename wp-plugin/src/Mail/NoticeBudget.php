<?php

declare(strict_types=1);

namespace LeadTrail\Mail;

use LeadTrail\Identity\Clock;
use LeadTrail\Leads\RateLimit;
use LeadTrail\Options;

/**
 * NoticeDigest's budget of single-row mails, counted in the rate-limit table
 * (docs/contracts.md, "Rate limits") so that all processes and web nodes share it.
 * Each place is one atomic upsert; a place taken by a run that then lost a race
 * stays counted, which only ever sends fewer single mails, never more.
 */
final class NoticeBudget
{
	public function __construct(private readonly \wpdb $wpdb, private readonly string $name)
	{
	}

	/** @return \Closure(int): bool see NoticeDigest */
	public function taker(): \Closure
	{
		return fn (int $now): bool => $this->take($now);
	}

	public function take(int $now): bool
	{
		$wpdb = $this->wpdb;
		$limit = new RateLimit($this->perMinute(), 60);
		$bucket = sha1('notice|' . $this->name);
		$start = $limit->windowStart($now);
		$counted = $wpdb->query($wpdb->prepare(
			"INSERT INTO {$wpdb->leadtrail_rate_limits} (bucket, window_start, hits) VALUES (%s, %d, 1) ON DUPLICATE KEY UPDATE hits = hits + 1",
			$bucket,
			$start
		));
		$rows = $wpdb->get_results($wpdb->prepare(
			"SELECT window_start, hits FROM {$wpdb->leadtrail_rate_limits} WHERE bucket = %s AND window_start IN (%d, %d)",
			$bucket,
			$start,
			$start - $limit->window
		), ARRAY_A);
		if ($counted === false || !is_array($rows)) {
			// Unsure of the count: the row waits for the digest, and is not lost.
			return false;
		}
		$counts = [$start => 0, $start - $limit->window => 0];
		foreach ($rows as $row) {
			$counts[(int) $row['window_start']] = (int) $row['hits'];
		}
		return $limit->decide($now, max(1, $counts[$start]), $counts[$start - $limit->window])->allowed;
	}

	private function perMinute(): int
	{
		$wpdb = $this->wpdb;
		if (!Clock::testMode()) {
			return NoticeDigest::PER_MINUTE;
		}
		$set = $wpdb->get_var($wpdb->prepare(
			"SELECT option_value FROM {$wpdb->options} WHERE option_name = %s",
			Options::TEST_NOTICE_BUDGET
		));
		return is_string($set) && preg_match('/^[1-9][0-9]{0,8}$/', $set) === 1 ? (int) $set : NoticeDigest::PER_MINUTE;
	}
}
