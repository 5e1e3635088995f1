<?php

declare(strict_types=1);

namespace LeadTrail\Identity;

/**
 * The visitor's cookie id "<visitor_id>.<session_id>.<unix seconds>" (SPEC R2, F5),
 * the value of A15's `ci` parameter.
 */
final class ComagicId
{
	public static function format(int $visitorId, int $sessionId, int $unixSeconds): string
	{
		return $visitorId . '.' . $sessionId . '.' . $unixSeconds;
	}
}
