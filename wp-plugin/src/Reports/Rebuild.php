<?php

declare(strict_types=1);

namespace LeadTrail\Reports;


/**
 * Recomputes every day's aggregates from the raw rows, a slice at a time, after the rules
 * changed or data was imported. Its place is kept in an option so that each call (the
 * screen's button, WP-CLI) goes on where the last stopped. Days older than the oldest
 * session left are kept as they are: retention may have pruned their raw rows.
 */
final class Rebuild
{
	public const STATE = 'leadtrail_reports_rebuild';

	public function __construct(private readonly \wpdb $wpdb, private readonly DayBounds $bounds)
	{
	}

	/** A migration that adds to the aggregates: a rebuild from the first day to today, unless one is under way. */
	public static function startUnlessPending(\wpdb $wpdb): void
	{
		if (get_option(self::STATE) === false) {
			(new self($wpdb, ReportSite::bounds()))->start(ReportSite::today());
		}
	}

	/** @return array{next: string, last: string, total: int} */
	public function start(string $today): array
	{
		$first = $this->firstDay() ?? $today;
		$state = ['next' => $first, 'last' => $today, 'total' => count(DayBounds::days($first, $today))];
		update_option(self::STATE, $state, false);
		return $state;
	}

	/**
	 * Recomputes days until $seconds have passed.
	 *
	 * @return array{done: int, total: int, finished: bool}
	 */
	public function step(float $seconds): array
	{
		$state = get_option(self::STATE);
		if (!is_array($state) || !isset($state['next'], $state['last'], $state['total'])) {
			return ['done' => 0, 'total' => 0, 'finished' => true];
		}
		$deadline = microtime(true) + $seconds;
		$aggregator = new DayAggregator($this->wpdb, $this->bounds);
		$next = (string) $state['next'];
		while ($next <= $state['last'] && microtime(true) < $deadline) {
			$aggregator->run($next);
			$next = DayBounds::next($next);
		}
		$finished = $next > $state['last'];
		$total = (int) $state['total'];
		if ($finished) {
			delete_option(self::STATE);
		} else {
			update_option(self::STATE, ['next' => $next] + $state, false);
		}
		return ['done' => $finished ? $total : $total - count(DayBounds::days($next, (string) $state['last'])), 'total' => $total, 'finished' => $finished];
	}

	private function firstDay(): ?string
	{
		$wpdb = $this->wpdb;
		$day = $wpdb->get_var("SELECT MIN(local_day) FROM {$wpdb->leadtrail_sessions}");
		if (is_string($day) && $day !== '') {
			return $day;
		}
		$first = $wpdb->get_var("SELECT MIN(created_at) FROM {$wpdb->leadtrail_requests}");
		return is_string($first) && $first !== '' ? $this->bounds->dayOf((int) strtotime($first . ' UTC')) : null;
	}
}
