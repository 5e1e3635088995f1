<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Cloud\CloudSettings;
use LeadTrail\Cloud\HostPolicy;
use LeadTrail\Front\FormOrigins;
use LeadTrail\Identity\SessionRules;
use LeadTrail\Identity\SiteKey;
use LeadTrail\Integrations\MappingOverrides;
use LeadTrail\Leads\ClientAddress;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\GroupProblem;
use LeadTrail\Options;
use LeadTrail\Retention\RetentionDays;

/**
 * The sanitize_callback of each option of LeadTrail > Settings: a value that cannot be
 * used keeps the saved one and adds a notice that names the field (settings_errors()
 * prints it as HTML, so posted text in it is escaped).
 */
final class SettingsSanitizer
{
	/**
	 * The groups table of the form (rows of id, name, e-mail and a delete box), or the
	 * stored JSON when WordPress passes the value again (add_option after update_option).
	 */
	public function sanitizeGroups(mixed $value): string
	{
		if (is_string($value)) {
			return EmployeeGroups::fromJson($value)->toJson();
		}
		[$groups, $problems] = EmployeeGroups::fromForm(is_array($value) ? ($value['rows'] ?? []) : []);
		if ($groups !== null) {
			return $groups->toJson();
		}
		foreach ($problems as $index => $problem) {
			add_settings_error(Options::REQUEST_GROUPS, 'leadtrail_groups_invalid_' . $index, self::groupProblem($problem));
		}
		add_settings_error(
			Options::REQUEST_GROUPS,
			'leadtrail_groups_kept',
			__('Employee groups: nothing was changed; the previous list was kept.', 'leadtrail')
		);
		return EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'))->toJson();
	}

	/** Addresses and CIDR ranges, one per line or comma-separated; kept one per line. */
	public function sanitizeTrustedProxies(mixed $value): string
	{
		$ranges = ClientAddress::ranges(is_string($value) ? $value : '');
		foreach ($ranges as $range) {
			if (!ClientAddress::isRange($range)) {
				add_settings_error(
					Options::TRUSTED_PROXIES,
					'leadtrail_trusted_proxies_invalid',
					sprintf(
						/* translators: %s: the entry that is not an address */
						esc_html__('Trusted proxies: “%s” is not an IP address or a CIDR range such as 10.0.0.0/8. The previous list was kept.', 'leadtrail'),
						// settings_errors() prints the message as HTML: the entry is text.
						esc_html(mb_substr($range, 0, 60))
					)
				);
				return (string) get_option(Options::TRUSTED_PROXIES, '');
			}
		}
		return implode("\n", $ranges);
	}

	/** Origins such as https://crm.example, one per line; a bad entry keeps the previous list. */
	public function sanitizeFormOrigins(mixed $value): string
	{
		[$origins, $bad] = FormOrigins::parse(is_string($value) ? $value : '');
		if ($bad === null) {
			return implode("\n", $origins);
		}
		add_settings_error(
			Options::FORM_ORIGINS,
			'leadtrail_form_origins_invalid',
			sprintf(
				/* translators: %s: the entry that is not an origin */
				esc_html__('Other origins of lead forms: “%s” is not an origin such as https://crm.example (scheme, host and port only). The previous list was kept.', 'leadtrail'),
				// settings_errors() prints the message as HTML: the entry is text.
				esc_html(mb_substr($bad, 0, 80))
			)
		);
		return (string) get_option(Options::FORM_ORIGINS, '');
	}

	public function sanitizeMode(mixed $value): string
	{
		if ($value === Options::MODE_CLOUD) {
			if ((string) get_option(Options::CLOUD_SITE_KEY, '') !== '') {
				return Options::MODE_CLOUD;
			}
			add_settings_error(
				Options::MODE,
				'leadtrail_mode_no_key',
				__('Mode: enter the CoMagic site key to use the cloud mode. The self-hosted mode was kept.', 'leadtrail')
			);
			return Options::MODE_SELF_HOSTED;
		}
		if ($value !== Options::MODE_SELF_HOSTED) {
			add_settings_error(Options::MODE, 'leadtrail_mode_invalid', __('Mode: choose self-hosted or cloud; the self-hosted mode was kept.', 'leadtrail'));
		}
		return Options::MODE_SELF_HOSTED;
	}

	public function sanitizeCloudSiteKey(mixed $value): string
	{
		$key = is_string($value) ? trim($value) : '';
		if ($key === '' || SiteKey::isValid($key)) {
			return $key;
		}
		add_settings_error(Options::CLOUD_SITE_KEY, 'leadtrail_cloud_key_invalid', __('CoMagic site key: enter the 32 characters (letters, digits, “_” or “-”) from your embed code. The previous key was kept.', 'leadtrail'));
		return (string) get_option(Options::CLOUD_SITE_KEY, '');
	}

	public function sanitizeCloudHosts(mixed $value): string
	{
		$patterns = HostPolicy::parsePatterns(is_string($value) ? $value : '');
		if ($patterns !== null && $patterns !== []) {
			return implode("\n", $patterns);
		}
		add_settings_error(Options::CLOUD_HOSTS, 'leadtrail_cloud_hosts_invalid', __('Allowed CoMagic hosts: enter host names such as app.comagic.ru or *.comagic.ru, one per line (no addresses, ports or paths). The previous list was kept.', 'leadtrail'));
		return (string) get_option(Options::CLOUD_HOSTS, implode("\n", HostPolicy::DEFAULT_HOSTS));
	}

	public function sanitizeCloudLoader(mixed $value): string
	{
		$loader = is_string($value) ? trim($value) : '';
		$refusal = CloudSettings::loaderRefusal($loader, CloudSettings::load()->policy);
		if ($refusal === null) {
			return $loader;
		}
		add_settings_error(Options::CLOUD_LOADER, 'leadtrail_cloud_loader_invalid', sprintf(
			/* translators: %s: why the address was refused, in English */
			__('CoMagic loader: use an https address (or //host/path) on an allowed host (%s). The previous address was kept.', 'leadtrail'),
			$refusal
		));
		return (string) get_option(Options::CLOUD_LOADER, CloudSettings::DEFAULT_LOADER);
	}

	public function sanitizeMapping(mixed $value): string
	{
		$text = is_string($value) ? trim(str_replace("\r\n", "\n", $value)) : '';
		[, $bad] = MappingOverrides::parse($text);
		if ($bad === []) {
			return $text;
		}
		add_settings_error(Options::CAPTURE_MAPPING, 'leadtrail_mapping_invalid', sprintf(
			/* translators: %s: line numbers */
			__('Field mapping: line %s cannot be read; write a form as cf7:42 name=your-fullname phone=tel-123. The previous mapping was kept.', 'leadtrail'),
			implode(', ', $bad)
		));
		return (string) get_option(Options::CAPTURE_MAPPING, '');
	}

	public function sanitizeIdleMinutes(mixed $value): int
	{
		$minutes = filter_var(
			is_scalar($value) ? trim((string) $value) : '',
			FILTER_VALIDATE_INT,
			['options' => ['min_range' => SessionRules::MIN_IDLE_MINUTES, 'max_range' => SessionRules::MAX_IDLE_MINUTES]]
		);
		if ($minutes !== false) {
			return $minutes;
		}
		add_settings_error(
			Options::IDLE_MINUTES,
			'leadtrail_idle_minutes_invalid',
			sprintf(
				/* translators: 1: lowest number of minutes, 2: highest number of minutes */
				__('Idle time: enter a whole number of minutes from %1$d to %2$d. The previous value was kept.', 'leadtrail'),
				SessionRules::MIN_IDLE_MINUTES,
				SessionRules::MAX_IDLE_MINUTES
			)
		);
		return (int) get_option(Options::IDLE_MINUTES, SessionRules::DEFAULT_IDLE_MINUTES);
	}

	/** A checkbox: options.php passes null when it was left unchecked. */
	public function sanitizeFlag(mixed $value): int
	{
		return empty($value) ? 0 : 1;
	}

	public function sanitizeRetentionDays(mixed $value): int
	{
		$days = RetentionDays::parse($value);
		if ($days !== null) {
			return $days;
		}
		add_settings_error(
			Options::RETENTION_DAYS,
			'leadtrail_retention_days_invalid',
			sprintf(
				/* translators: %d: the most days allowed */
				__('Keep tracking data: enter a whole number of days from 0 to %d (0 or empty keeps it forever). The previous value was kept.', 'leadtrail'),
				RetentionDays::MAX
			)
		);
		return RetentionDays::parse(get_option(Options::RETENTION_DAYS, 0)) ?? 0;
	}

	private static function groupProblem(GroupProblem $problem): string
	{
		if ($problem->reason === GroupProblem::TOO_MANY) {
			return sprintf(
				/* translators: %d: the most groups allowed */
				__('Employee groups: at most %d groups can be defined.', 'leadtrail'),
				EmployeeGroups::MAX_GROUPS
			);
		}
		$field = match ($problem->field) {
			'id' => __('ID', 'leadtrail'),
			'name' => __('Name', 'leadtrail'),
			default => __('Notification e-mail', 'leadtrail'),
		};
		$reason = match ($problem->reason) {
			GroupProblem::REQUIRED => __('this is required.', 'leadtrail'),
			GroupProblem::DUPLICATE => __('another group has this ID.', 'leadtrail'),
			GroupProblem::TOO_LONG => __('use at most 255 characters.', 'leadtrail'),
			default => match ($problem->field) {
				'id' => __('enter a whole number from 1 to 2147483647.', 'leadtrail'),
				'email' => __('enter one e-mail address, or leave it empty.', 'leadtrail'),
				default => __('this text is not valid.', 'leadtrail'),
			},
		};
		return sprintf(
			/* translators: 1: row number, 2: field name, 3: what is wrong */
			__('Employee group %1$d, %2$s: %3$s', 'leadtrail'),
			$problem->row,
			$field,
			$reason
		);
	}
}
