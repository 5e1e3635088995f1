<?php

declare(strict_types=1);

namespace LeadTrail\Reports;

/**
 * Who may see the reports: administrators (manage_options), and any role or user given
 * leadtrail_view_reports (a role editor, or `$role->add_cap()` in site code).
 */
final class ReportAccess
{
	public const CAPABILITY = 'leadtrail_view_reports';

	public static function allowed(): bool
	{
		return current_user_can('manage_options') || current_user_can(self::CAPABILITY);
	}

	/** The capability for the menu: WordPress checks one, so readers without manage_options get theirs. */
	public static function menuCapability(): string
	{
		return current_user_can('manage_options') ? 'manage_options' : self::CAPABILITY;
	}
}
