<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

/**
 * The numbers of one report row from summed aggregate columns: leads are requests, callback
 * orders, calls and chats together; conversion is sessions with a lead per session, in percent.
 */
final class ReportRow
{
	/**
	 * @param array<string, mixed> $sums
	 * @return array<string, int|float>
	 */
	public static function numbers(array $sums): array
	{
		$int = static fn (string $name): int => (int) ($sums[$name] ?? 0);
		$sessions = $int('sessions');
		return [
			'sessions' => $sessions,
			'pageviews' => $int('pageviews'),
			'leads' => $int('requests') + $int('callbacks') + $int('calls') + $int('chats'),
			'requests' => $int('requests'),
			'callbacks' => $int('callbacks'),
			'calls' => $int('calls'),
			'chats' => $int('chats'),
			'lead_sessions' => $int('lead_sessions'),
			'conversion' => $sessions > 0 ? round(100 * $int('lead_sessions') / $sessions, 2) : 0.0,
			'sales' => $int('sales'),
			'revenue' => round((float) ($sums['revenue'] ?? 0), 2),
		];
	}
}
