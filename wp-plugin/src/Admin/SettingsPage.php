<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Cloud\CloudSettings;
use LeadTrail\Cloud\HostPolicy;
use LeadTrail\Consent\ConsentSetting;
use LeadTrail\Front\FormOrigins;
use LeadTrail\Health\VendorEmbedNotice;
use LeadTrail\Identity\SessionRules;
use LeadTrail\Identity\SiteKey;
use LeadTrail\Integrations\MappingOverrides;
use LeadTrail\Leads\ClientAddress;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\GroupProblem;
use LeadTrail\Options;
use LeadTrail\Retention\RetentionDays;

/**
 * LeadTrail > Settings: the site key, the mode, the session rules, the
 * employee groups and e-mail notices of requests, how long tracking data is kept and
 * whether tracking waits for consent,
 * saved through the Settings API (options.php checks the nonce and capability).
 */
final class SettingsPage
{
	public const SLUG = 'leadtrail';
	/** The Settings API group; the callbacks section (CallbackSettings) saves with it too. */
	public const GROUP = 'leadtrail_settings';

	public function register(): void
	{
		// Option, type, this class's sanitizer, default. The cloud fields come before the mode,
		// whose check reads the saved vendor key (WordPress sanitizes in the order registered).
		foreach ([
			[Options::CLOUD_HOSTS, 'string', 'sanitizeCloudHosts', implode("\n", HostPolicy::DEFAULT_HOSTS)],
			[Options::CLOUD_SITE_KEY, 'string', 'sanitizeCloudSiteKey', ''],
			[Options::CLOUD_LOADER, 'string', 'sanitizeCloudLoader', CloudSettings::DEFAULT_LOADER],
			[Options::CAPTURE_COMMENTS, 'integer', 'sanitizeFlag', 0],
			[Options::CAPTURE_MAPPING, 'string', 'sanitizeMapping', ''],
			[Options::MODE, 'string', 'sanitizeMode', Options::MODE_SELF_HOSTED],
			[Options::IDLE_MINUTES, 'integer', 'sanitizeIdleMinutes', SessionRules::DEFAULT_IDLE_MINUTES],
			[Options::SPLIT_MIDNIGHT, 'integer', 'sanitizeFlag', 1],
			[Options::SPLIT_SOURCE, 'integer', 'sanitizeFlag', 1],
			[Options::NOTIFY_ADMIN, 'integer', 'sanitizeFlag', 1],
			[Options::TRUSTED_PROXIES, 'string', 'sanitizeTrustedProxies', ''],
			[Options::REQUEST_GROUPS, 'string', 'sanitizeGroups', '[]'],
			[Options::RETENTION_DAYS, 'integer', 'sanitizeRetentionDays', 0],
			[Options::WAIT_FOR_CONSENT, 'integer', 'sanitizeFlag', 0],
			[Options::FORM_ORIGINS, 'string', 'sanitizeFormOrigins', ''],
			[Options::SPA_PAGE_VIEWS, 'integer', 'sanitizeFlag', 0],
		] as [$option, $type, $sanitizer, $default]) {
			register_setting(self::GROUP, $option, [
				'type' => $type,
				'sanitize_callback' => [$this, $sanitizer],
				'default' => $default,
			]);
		}

		add_settings_section('leadtrail_mode', __('Mode', 'leadtrail'), '__return_false', self::SLUG);
		add_settings_field(Options::MODE, __('Where the API runs', 'leadtrail'), [$this, 'modeField'], self::SLUG, 'leadtrail_mode');
		add_settings_field(
			Options::CLOUD_SITE_KEY,
			__('CoMagic site key', 'leadtrail'),
			[$this, 'textField'],
			self::SLUG,
			'leadtrail_mode',
			[
				'label_for' => Options::CLOUD_SITE_KEY,
				'default' => '',
				'description' => __('Cloud mode: the 32-character key of your CoMagic / UIS embed code (setCsAccount).', 'leadtrail'),
			]
		);
		add_settings_field(
			Options::CLOUD_LOADER,
			__('CoMagic loader', 'leadtrail'),
			[$this, 'textField'],
			self::SLUG,
			'leadtrail_mode',
			[
				'label_for' => Options::CLOUD_LOADER,
				'default' => CloudSettings::DEFAULT_LOADER,
				'description' => __('Cloud mode: the address of the vendor’s loader script from your embed code, e.g. //app.comagic.ru/static/cs.min.js. Its host must be on the list below.', 'leadtrail'),
			]
		);
		add_settings_field(
			Options::CLOUD_HOSTS,
			__('Allowed CoMagic hosts', 'leadtrail'),
			[$this, 'hostsField'],
			self::SLUG,
			'leadtrail_mode',
			['label_for' => Options::CLOUD_HOSTS]
		);

		add_settings_section('leadtrail_capture', __('Automatic capture', 'leadtrail'), [$this, 'captureIntro'], self::SLUG);
		add_settings_field(
			Options::CAPTURE_COMMENTS,
			__('Comments', 'leadtrail'),
			[$this, 'flagField'],
			self::SLUG,
			'leadtrail_capture',
			[
				'label_for' => Options::CAPTURE_COMMENTS,
				'label' => __('Record each new comment as a request', 'leadtrail'),
				'default' => '0',
			]
		);
		add_settings_field(
			Options::CAPTURE_MAPPING,
			__('Field mapping', 'leadtrail'),
			[$this, 'mappingField'],
			self::SLUG,
			'leadtrail_capture',
			['label_for' => Options::CAPTURE_MAPPING]
		);

		add_settings_section('leadtrail_sessions', __('Sessions', 'leadtrail'), [$this, 'sessionsIntro'], self::SLUG);
		add_settings_field(
			Options::IDLE_MINUTES,
			__('Idle time', 'leadtrail'),
			[$this, 'idleMinutesField'],
			self::SLUG,
			'leadtrail_sessions',
			['label_for' => Options::IDLE_MINUTES]
		);
		add_settings_field(
			Options::SPLIT_MIDNIGHT,
			__('Midnight', 'leadtrail'),
			[$this, 'flagField'],
			self::SLUG,
			'leadtrail_sessions',
			[
				'label_for' => Options::SPLIT_MIDNIGHT,
				'label' => __('Start a new session at midnight in the site’s time zone', 'leadtrail'),
			]
		);
		add_settings_field(
			Options::SPA_PAGE_VIEWS,
			__('Single-page apps', 'leadtrail'),
			[$this, 'flagField'],
			self::SLUG,
			'leadtrail_sessions',
			[
				'label_for' => Options::SPA_PAGE_VIEWS,
				// Off until chosen: saving the settings must not switch it on.
				'default' => '0',
				'label' => __('Count page views of single-page apps (each address change made with history.pushState, replaceState or the back button)', 'leadtrail'),
			]
		);
		add_settings_field(
			Options::SPLIT_SOURCE,
			__('Traffic source', 'leadtrail'),
			[$this, 'flagField'],
			self::SLUG,
			'leadtrail_sessions',
			[
				'label_for' => Options::SPLIT_SOURCE,
				'label' => __('Start a new session when the visitor arrives from another source (UTM tags or an external referrer)', 'leadtrail'),
			]
		);

		add_settings_section('leadtrail_requests', __('Requests', 'leadtrail'), [$this, 'requestsIntro'], self::SLUG);
		add_settings_field(
			Options::NOTIFY_ADMIN,
			__('E-mail notices', 'leadtrail'),
			[$this, 'flagField'],
			self::SLUG,
			'leadtrail_requests',
			[
				'label_for' => Options::NOTIFY_ADMIN,
				'label' => __('E-mail the site admin for each new request', 'leadtrail'),
			]
		);
		add_settings_field(Options::REQUEST_GROUPS, __('Employee groups', 'leadtrail'), [$this, 'groupsField'], self::SLUG, 'leadtrail_requests');
		add_settings_field(
			Options::TRUSTED_PROXIES,
			__('Trusted proxies', 'leadtrail'),
			[$this, 'trustedProxiesField'],
			self::SLUG,
			'leadtrail_requests',
			['label_for' => Options::TRUSTED_PROXIES]
		);

		add_settings_field(
			Options::FORM_ORIGINS,
			__('Other origins of lead forms', 'leadtrail'),
			[$this, 'formOriginsField'],
			self::SLUG,
			'leadtrail_requests',
			['label_for' => Options::FORM_ORIGINS]
		);

		add_settings_section('leadtrail_privacy', __('Privacy', 'leadtrail'), '__return_false', self::SLUG);
		add_settings_field(
			Options::RETENTION_DAYS,
			__('Keep tracking data for', 'leadtrail'),
			[$this, 'retentionDaysField'],
			self::SLUG,
			'leadtrail_privacy',
			['label_for' => Options::RETENTION_DAYS]
		);
		add_settings_field(
			Options::WAIT_FOR_CONSENT,
			__('Wait for consent', 'leadtrail'),
			[$this, 'consentField'],
			self::SLUG,
			'leadtrail_privacy',
			['label_for' => Options::WAIT_FOR_CONSENT]
		);
	}

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

	public function trustedProxiesField(): void
	{
		printf(
			'<textarea id="%1$s" name="%1$s" rows="3" cols="40" class="code">%2$s</textarea><p class="description">%3$s</p>',
			esc_attr(Options::TRUSTED_PROXIES),
			esc_textarea((string) get_option(Options::TRUSTED_PROXIES, '')),
			esc_html__('Floods of requests, callback orders and page views are bounded per visitor address. If this site is behind a reverse proxy or load balancer, list its addresses or ranges (such as 10.0.0.0/8), one per line, so the visitor’s address is taken from X-Forwarded-For. Leave empty otherwise.', 'leadtrail')
		);
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

	public function formOriginsField(): void
	{
		printf(
			'<textarea id="%1$s" name="%1$s" rows="3" cols="40" class="code">%2$s</textarea><p class="description">%3$s</p>',
			esc_attr(Options::FORM_ORIGINS),
			esc_textarea((string) get_option(Options::FORM_ORIGINS, '')),
			esc_html__('POST forms on your pages get the visitor’s hidden fields (site key, visitor, session and hit IDs) only when they post to this site. If a form posts its leads to another site of yours (a CRM, another domain), list that site’s origin here, such as https://crm.example, one per line. Forms that post anywhere else get none. Leave empty otherwise.', 'leadtrail')
		);
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

	/** @param array{label_for: string, default: string, description: string} $args */
	public function textField(array $args): void
	{
		printf(
			'<input type="text" class="regular-text code" id="%1$s" name="%1$s" value="%2$s"><p class="description">%3$s</p>',
			esc_attr($args['label_for']),
			esc_attr((string) get_option($args['label_for'], $args['default'])),
			esc_html($args['description'])
		);
	}

	public function hostsField(): void
	{
		printf(
			'<textarea id="%1$s" name="%1$s" rows="3" cols="40" class="code">%2$s</textarea><p class="description">%3$s</p>',
			esc_attr(Options::CLOUD_HOSTS),
			esc_textarea((string) get_option(Options::CLOUD_HOSTS, implode("\n", HostPolicy::DEFAULT_HOSTS))),
			esc_html__('Cloud mode: leads are forwarded only to these hosts (over https, never to private addresses), whatever address a page names. *.comagic.ru means any host under comagic.ru.', 'leadtrail')
		);
	}

	public function captureIntro(): void
	{
		echo '<p>' . esc_html__('Submissions of Contact Form 7, WPForms, Gravity Forms, Elementor Pro, Ninja Forms, Fluent Forms and Formidable forms, WooCommerce orders (as sales) and forms marked with a leadtrail_form field are recorded as requests automatically. Name, e-mail, phone and message are found by field type and name; override them per form below.', 'leadtrail') . '</p>';
	}

	public function mappingField(): void
	{
		printf(
			'<textarea id="%1$s" name="%1$s" rows="4" cols="60" class="code" placeholder="cf7:42 name=your-fullname phone=tel-123">%2$s</textarea><p class="description">%3$s</p>',
			esc_attr(Options::CAPTURE_MAPPING),
			esc_textarea((string) get_option(Options::CAPTURE_MAPPING, '')),
			esc_html__('One form per line: the source and form ID (cf7, wpforms, gravityforms, elementor, ninjaforms, fluentforms, formidable, form, custom; * for every form), then name=, email=, phone=, message= with the form field’s name or label.', 'leadtrail')
		);
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

	public function requestsIntro(): void
	{
		echo '<p>' . esc_html__('Requests come from Comagic.addOfflineRequest() on pages and from forms handled on your server (api/add_offline_message/). They are listed under LeadTrail > Requests.', 'leadtrail') . '</p>';
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

	public function retentionDaysField(): void
	{
		$days = RetentionDays::parse(get_option(Options::RETENTION_DAYS, 0)) ?? 0;
		$shown = $days === 0 ? '' : (string) $days;
		printf(
			'<input type="number" class="small-text" id="%1$s" name="%1$s" value="%2$s" min="0" max="%3$d" step="1"> %4$s<p class="description" id="leadtrail-retention-scope">%5$s</p>',
			esc_attr(Options::RETENTION_DAYS),
			esc_attr($shown),
			absint(RetentionDays::MAX),
			esc_html__('days (0 or empty: keep forever)', 'leadtrail'),
			esc_html__('Once a day, page views (hits), events and sessions older than this are deleted, with the records of visitors’ calls; then every visitor not seen since then that has no session, page view, request or callback order left, with its name, phones, e-mails and properties. Requests (leads) and callback orders are business records: they are never deleted here, and neither is a visitor that has one. Captchas expire on their own within minutes.', 'leadtrail')
		);
	}

	public function consentField(): void
	{
		$this->flagField([
			'label_for' => Options::WAIT_FOR_CONSENT,
			'label' => __('Set no cookie and send nothing until the visitor allows statistics cookies in your consent banner (WP Consent API)', 'leadtrail'),
			'default' => '0',
		]);
		echo '<p class="description">' . esc_html__('The LeadTrail script loads only once the WP Consent API says yes for the “statistics” category: at once for a visitor who already agreed, or as soon as they do. Until then the page’s Comagic calls wait, and run when it loads. A visitor who never agrees is not tracked; forms they send on your server are still recorded as requests, without a visitor. Withdrawing consent takes effect from the next page. Without the WP Consent API and a banner plugin that supports it, nothing loads.', 'leadtrail') . '</p>';
		if (ConsentSetting::waits() && !ConsentSetting::apiActive()) {
			echo '<div class="notice notice-warning inline" id="leadtrail-consent-missing"><p>' . esc_html__('The WP Consent API is not active on this site: while this is on, LeadTrail tracks no visitor. Install and activate the WP Consent API plugin and a consent banner that supports it, or turn this off.', 'leadtrail') . '</p></div>';
		}
	}

	/**
	 * An editable table: the groups, then empty rows to add more. A row is removed
	 * with its "Delete" box or by emptying it.
	 */
	public function groupsField(): void
	{
		$groups = EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'))->all();
		$name = Options::REQUEST_GROUPS . '[rows]';
		?>
		<table class="widefat striped" id="leadtrail-groups" style="max-width: 48em;">
			<thead><tr>
				<th scope="col"><?php esc_html_e('ID', 'leadtrail'); ?></th>
				<th scope="col"><?php esc_html_e('Name', 'leadtrail'); ?></th>
				<th scope="col"><?php esc_html_e('Notification e-mail', 'leadtrail'); ?></th>
				<th scope="col"><?php esc_html_e('Delete', 'leadtrail'); ?></th>
			</tr></thead>
			<tbody>
			<?php
			$rows = array_merge(
				array_map(static fn ($group): array => $group->toArray(), $groups),
				array_fill(0, 3, ['id' => '', 'name' => '', 'email' => ''])
			);
			foreach ($rows as $index => $row) :
				$field = $name . '[' . $index . ']';
				/* translators: %d: row number in the groups table */
				$label = sprintf(__('Group %d', 'leadtrail'), $index + 1);
				?>
				<tr>
					<td><input type="number" class="small-text" min="1" max="2147483647" step="1"
						name="<?php echo esc_attr($field . '[id]'); ?>" value="<?php echo esc_attr((string) $row['id']); ?>"
						aria-label="<?php echo esc_attr($label . ': ' . __('ID', 'leadtrail')); ?>"></td>
					<td><input type="text" class="regular-text" maxlength="255"
						name="<?php echo esc_attr($field . '[name]'); ?>" value="<?php echo esc_attr($row['name']); ?>"
						aria-label="<?php echo esc_attr($label . ': ' . __('Name', 'leadtrail')); ?>"></td>
					<td><input type="email" class="regular-text"
						name="<?php echo esc_attr($field . '[email]'); ?>" value="<?php echo esc_attr($row['email']); ?>"
						aria-label="<?php echo esc_attr($label . ': ' . __('Notification e-mail', 'leadtrail')); ?>"></td>
					<td><?php if ($row['id'] !== '') : ?>
						<input type="checkbox" name="<?php echo esc_attr($field . '[delete]'); ?>" value="1"
							aria-label="<?php echo esc_attr($label . ': ' . __('Delete', 'leadtrail')); ?>">
					<?php endif; ?></td>
				</tr>
			<?php endforeach; ?>
			</tbody>
		</table>
		<p class="description">
			<?php esc_html_e('Pages and forms pass the ID as group_id; a request for another ID is refused. Each group’s e-mail also gets notices of its requests. Save to get more empty rows.', 'leadtrail'); ?>
		</p>
		<?php
	}

	public function sessionsIntro(): void
	{
		echo '<p>' . esc_html__('A session is one visit. A visitor’s hit continues the current session unless one of these rules starts a new one.', 'leadtrail') . '</p>';
	}

	public function modeField(): void
	{
		$mode = get_option(Options::MODE, Options::MODE_SELF_HOSTED);
		?>
		<fieldset>
			<legend class="screen-reader-text"><?php esc_html_e('Where the API runs', 'leadtrail'); ?></legend>
			<label>
				<input type="radio" name="<?php echo esc_attr(Options::MODE); ?>" value="<?php echo esc_attr(Options::MODE_SELF_HOSTED); ?>" <?php checked($mode, Options::MODE_SELF_HOSTED); ?>>
				<?php esc_html_e('Self-hosted: this site runs the CoMagic JS API and stores visitors in its own database', 'leadtrail'); ?>
			</label>
			<br>
			<label>
				<input type="radio" name="<?php echo esc_attr(Options::MODE); ?>" value="<?php echo esc_attr(Options::MODE_CLOUD); ?>" <?php checked($mode, Options::MODE_CLOUD); ?>>
				<?php esc_html_e('CoMagic cloud: pages get your CoMagic / UIS embed code, and leads captured on this server are also forwarded to CoMagic', 'leadtrail'); ?>
			</label>
		</fieldset>
		<?php
	}

	public function idleMinutesField(): void
	{
		printf(
			'<input type="number" class="small-text" id="%1$s" name="%1$s" value="%2$s" min="%3$d" max="%4$d" step="1" required> %5$s',
			esc_attr(Options::IDLE_MINUTES),
			esc_attr((string) get_option(Options::IDLE_MINUTES, SessionRules::DEFAULT_IDLE_MINUTES)),
			absint(SessionRules::MIN_IDLE_MINUTES),
			absint(SessionRules::MAX_IDLE_MINUTES),
			esc_html__('minutes without a hit end a session (1 to 1440).', 'leadtrail')
		);
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

	/** @param array{label_for: string, label: string, default?: string} $args */
	public function flagField(array $args): void
	{
		printf(
			'<label><input type="checkbox" id="%1$s" name="%1$s" value="1" %2$s> %3$s</label>',
			esc_attr($args['label_for']),
			checked((string) get_option($args['label_for'], $args['default'] ?? '1'), '1', false),
			esc_html($args['label'])
		);
	}

	public function render(): void
	{
		?>
		<div class="wrap">
			<h1><?php echo esc_html(get_admin_page_title()); ?></h1>
			<?php settings_errors(); ?>
			<?php VendorEmbedNotice::render(); ?>

			<h2><?php esc_html_e('Site key', 'leadtrail'); ?></h2>
			<p><code id="leadtrail-site-key" style="font-size: 1.2em; user-select: all;"><?php echo esc_html((string) get_option(Options::SITE_KEY, '')); ?></code></p>
			<p class="description">
				<?php esc_html_e('Pages pass this key to setCsAccount and server-side forms send it as site_key. The plugin prints it in the embed code for you.', 'leadtrail'); ?>
			</p>
			<form method="post" action="<?php echo esc_url(admin_url('admin-post.php')); ?>"
				onsubmit="return window.confirm('<?php echo esc_js(__('Generate a new site key? Code that still sends the old key will be refused until you update it.', 'leadtrail')); ?>');">
				<input type="hidden" name="action" value="<?php echo esc_attr(RegenerateSiteKey::ACTION); ?>">
				<?php wp_nonce_field(RegenerateSiteKey::ACTION, RegenerateSiteKey::NONCE); ?>
				<?php submit_button(__('Regenerate', 'leadtrail'), 'secondary', 'leadtrail-regenerate', false); ?>
			</form>

			<form method="post" action="<?php echo esc_url(admin_url('options.php')); ?>">
				<?php
				settings_fields(self::GROUP);
				do_settings_sections(self::SLUG);
				submit_button();
				?>
			</form>
		</div>
		<?php
	}
}
