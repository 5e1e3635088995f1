<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Cloud\CloudSettings;
use LeadTrail\Cloud\HostPolicy;
use LeadTrail\Identity\SessionRules;
use LeadTrail\Options;

/**
 * LeadTrail > Settings: the site key, the mode, the session rules, the employee groups and
 * e-mail notices of requests, how long tracking data is kept and whether tracking waits
 * for consent, saved through the Settings API (options.php checks the nonce and
 * capability); then the Roles form. Markup is in templates/settings/, the checks of the
 * values in SettingsSanitizer.
 */
final class SettingsPage
{
	public const SLUG = 'leadtrail';
	/** The Settings API group; the callbacks section (CallbackSettings) saves with it too. */
	public const GROUP = 'leadtrail_settings';

	public function register(): void
	{
		$sanitizer = new SettingsSanitizer();
		// Option, type, SettingsSanitizer's method, default. The cloud fields come before the
		// mode, whose check reads the saved vendor key (WordPress sanitizes in the order registered).
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
		] as [$option, $type, $method, $default]) {
			register_setting(self::GROUP, $option, [
				'type' => $type,
				'sanitize_callback' => [$sanitizer, $method],
				'default' => $default,
			]);
		}

		foreach ($this->sections() as $section => [$title, $intro]) {
			add_settings_section($section, $title, $intro === '' ? '__return_false' : static function () use ($intro): void {
				echo '<p>' . esc_html($intro) . '</p>';
			}, self::SLUG);
		}
		// Each field: its option, title, section, template (templates/settings/) and the template's values.
		foreach ($this->fields() as [$option, $title, $section, $template, $args]) {
			add_settings_field($option, $title, [$this, 'field'], self::SLUG, $section, ['template' => $template] + $args);
		}
	}

	/** @return array<string, array{string, string}> section => its title and intro ('' for none) */
	private function sections(): array
	{
		return [
			'leadtrail_mode' => [__('Mode', 'leadtrail'), ''],
			'leadtrail_capture' => [
				__('Automatic capture', 'leadtrail'),
				__('Submissions of Contact Form 7, WPForms, Gravity Forms, Elementor Pro, Ninja Forms, Fluent Forms and Formidable forms, WooCommerce orders (as sales) and forms marked with a leadtrail_form field are recorded as requests automatically. Name, e-mail, phone and message are found by field type and name; override them per form below.', 'leadtrail'),
			],
			'leadtrail_sessions' => [
				__('Sessions', 'leadtrail'),
				__('A session is one visit. A visitor’s hit continues the current session unless one of these rules starts a new one.', 'leadtrail'),
			],
			'leadtrail_requests' => [
				__('Requests', 'leadtrail'),
				__('Requests come from Comagic.addOfflineRequest() on pages and from forms handled on your server (api/add_offline_message/). They are listed under LeadTrail > Requests.', 'leadtrail'),
			],
			'leadtrail_privacy' => [__('Privacy', 'leadtrail'), ''],
		];
	}

	/** @return list<array{string, string, string, string, array<string, mixed>}> */
	private function fields(): array
	{
		return [
			[Options::MODE, __('Where the API runs', 'leadtrail'), 'leadtrail_mode', 'mode', []],
			[Options::CLOUD_SITE_KEY, __('CoMagic site key', 'leadtrail'), 'leadtrail_mode', 'text', [
				'label_for' => Options::CLOUD_SITE_KEY,
				'default' => '',
				'description' => __('Cloud mode: the 32-character key of your CoMagic / UIS embed code (setCsAccount).', 'leadtrail'),
			]],
			[Options::CLOUD_LOADER, __('CoMagic loader', 'leadtrail'), 'leadtrail_mode', 'text', [
				'label_for' => Options::CLOUD_LOADER,
				'default' => CloudSettings::DEFAULT_LOADER,
				'description' => __('Cloud mode: the address of the vendor’s loader script from your embed code, e.g. //app.comagic.ru/static/cs.min.js. Its host must be on the list below.', 'leadtrail'),
			]],
			[Options::CLOUD_HOSTS, __('Allowed CoMagic hosts', 'leadtrail'), 'leadtrail_mode', 'textarea', [
				'label_for' => Options::CLOUD_HOSTS,
				'default' => implode("\n", HostPolicy::DEFAULT_HOSTS),
				'description' => __('Cloud mode: leads are forwarded only to these hosts (over https, never to private addresses), whatever address a page names. *.comagic.ru means any host under comagic.ru.', 'leadtrail'),
			]],
			[Options::CAPTURE_COMMENTS, __('Comments', 'leadtrail'), 'leadtrail_capture', 'flag', [
				'label_for' => Options::CAPTURE_COMMENTS,
				'label' => __('Record each new comment as a request', 'leadtrail'),
				'default' => '0',
			]],
			[Options::CAPTURE_MAPPING, __('Field mapping', 'leadtrail'), 'leadtrail_capture', 'textarea', [
				'label_for' => Options::CAPTURE_MAPPING,
				'rows' => 4,
				'cols' => 60,
				'placeholder' => 'cf7:42 name=your-fullname phone=tel-123',
				'description' => __('One form per line: the source and form ID (cf7, wpforms, gravityforms, elementor, ninjaforms, fluentforms, formidable, form, custom; * for every form), then name=, email=, phone=, message= with the form field’s name or label.', 'leadtrail'),
			]],
			[Options::IDLE_MINUTES, __('Idle time', 'leadtrail'), 'leadtrail_sessions', 'idle-minutes', ['label_for' => Options::IDLE_MINUTES]],
			[Options::SPLIT_MIDNIGHT, __('Midnight', 'leadtrail'), 'leadtrail_sessions', 'flag', [
				'label_for' => Options::SPLIT_MIDNIGHT,
				'label' => __('Start a new session at midnight in the site’s time zone', 'leadtrail'),
			]],
			[Options::SPA_PAGE_VIEWS, __('Single-page apps', 'leadtrail'), 'leadtrail_sessions', 'flag', [
				'label_for' => Options::SPA_PAGE_VIEWS,
				// Off until chosen: saving the settings must not switch it on.
				'default' => '0',
				'label' => __('Count page views of single-page apps (each address change made with history.pushState, replaceState or the back button)', 'leadtrail'),
			]],
			[Options::SPLIT_SOURCE, __('Traffic source', 'leadtrail'), 'leadtrail_sessions', 'flag', [
				'label_for' => Options::SPLIT_SOURCE,
				'label' => __('Start a new session when the visitor arrives from another source (UTM tags or an external referrer)', 'leadtrail'),
			]],
			[Options::NOTIFY_ADMIN, __('E-mail notices', 'leadtrail'), 'leadtrail_requests', 'flag', [
				'label_for' => Options::NOTIFY_ADMIN,
				'label' => __('E-mail the site admin for each new request', 'leadtrail'),
			]],
			[Options::REQUEST_GROUPS, __('Employee groups', 'leadtrail'), 'leadtrail_requests', 'groups', []],
			[Options::TRUSTED_PROXIES, __('Trusted proxies', 'leadtrail'), 'leadtrail_requests', 'textarea', [
				'label_for' => Options::TRUSTED_PROXIES,
				'description' => __('Floods of requests, callback orders and page views are bounded per visitor address. If this site is behind a reverse proxy or load balancer, list its addresses or ranges (such as 10.0.0.0/8), one per line, so the visitor’s address is taken from X-Forwarded-For. Leave empty otherwise.', 'leadtrail'),
			]],
			[Options::FORM_ORIGINS, __('Other origins of lead forms', 'leadtrail'), 'leadtrail_requests', 'textarea', [
				'label_for' => Options::FORM_ORIGINS,
				'description' => __('POST forms on your pages get the visitor’s hidden fields (site key, visitor, session and hit IDs) only when they post to this site. If a form posts its leads to another site of yours (a CRM, another domain), list that site’s origin here, such as https://crm.example, one per line. Forms that post anywhere else get none. Leave empty otherwise.', 'leadtrail'),
			]],
			[Options::RETENTION_DAYS, __('Keep tracking data for', 'leadtrail'), 'leadtrail_privacy', 'retention-days', ['label_for' => Options::RETENTION_DAYS]],
			[Options::WAIT_FOR_CONSENT, __('Wait for consent', 'leadtrail'), 'leadtrail_privacy', 'consent', [
				'label_for' => Options::WAIT_FOR_CONSENT,
				'label' => __('Set no cookie and send nothing until the visitor allows statistics cookies in your consent banner (WP Consent API)', 'leadtrail'),
				'default' => '0',
			]],
		];
	}

	/**
	 * Prints one field from its template.
	 *
	 * @param array<string, mixed> $args the values fields() gave it, with 'template'
	 */
	public function field(array $args): void
	{
		self::template((string) $args['template'], $args);
	}

	public function render(): void
	{
		self::template('page', []);
	}

	/**
	 * @param array<string, mixed> $view what the template reads
	 */
	private static function template(string $name, array $view): void
	{
		// The names are this class's own, never a visitor's.
		require dirname(__DIR__, 2) . '/templates/settings/' . basename($name) . '.php';
	}
}
