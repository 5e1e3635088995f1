<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

/**
 * How a request with no visitor (visitor_id 0: captured from someone the runtime did not track)
 * is named wherever its visitor would be: the same words on every screen and in the e-mail.
 */
final class NoVisitor
{
	public static function is(mixed $visitorId): bool
	{
		return (int) $visitorId === 0;
	}

	public static function label(): string
	{
		return __('No visitor (no tracking consent or no JavaScript)', 'leadtrail');
	}
}
