<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Identity\SessionRules;
use LeadTrail\Options;

/**
 * LeadTrail > Settings: the site key, the mode and the session rules,
 * saved through the Settings API (options.php checks the nonce and capability).
 */
final class SettingsPage
{
	public const SLUG = 'leadtrail';
	private const GROUP = 'leadtrail_settings';

	public function register(): void
	{
		register_setting(self::GROUP, Options::MODE, [
			'type' => 'string',
			'sanitize_callback' => [$this, 'sanitizeMode'],
			'default' => Options::MODE_SELF_HOSTED,
		]);
		register_setting(self::GROUP, Options::IDLE_MINUTES, [
			'type' => 'integer',
			'sanitize_callback' => [$this, 'sanitizeIdleMinutes'],
			'default' => SessionRules::DEFAULT_IDLE_MINUTES,
		]);
		foreach ([Options::SPLIT_MIDNIGHT, Options::SPLIT_SOURCE] as $flag) {
			register_setting(self::GROUP, $flag, [
				'type' => 'integer',
				'sanitize_callback' => [$this, 'sanitizeFlag'],
				'default' => 1,
			]);
		}

		add_settings_section('leadtrail_mode', __('Mode', 'leadtrail'), '__return_false', self::SLUG);
		add_settings_field(Options::MODE, __('Where the API runs', 'leadtrail'), [$this, 'modeField'], self::SLUG, 'leadtrail_mode');

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
	}

	public function sanitizeMode(mixed $value): string
	{
		if ($value !== Options::MODE_SELF_HOSTED) {
			add_settings_error(
				Options::MODE,
				'leadtrail_mode_invalid',
				__('Mode: only the self-hosted mode is available in this version; it was kept.', 'leadtrail')
			);
		}
		return Options::MODE_SELF_HOSTED;
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
				<input type="radio" name="<?php echo esc_attr(Options::MODE); ?>" value="cloud" disabled>
				<?php esc_html_e('Cloud: use your CoMagic / UIS account (coming later)', 'leadtrail'); ?>
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
			SessionRules::MIN_IDLE_MINUTES,
			SessionRules::MAX_IDLE_MINUTES,
			esc_html__('minutes without a hit end a session (1 to 1440).', 'leadtrail')
		);
	}

	/** @param array{label_for: string, label: string} $args */
	public function flagField(array $args): void
	{
		printf(
			'<label><input type="checkbox" id="%1$s" name="%1$s" value="1" %2$s> %3$s</label>',
			esc_attr($args['label_for']),
			checked((string) get_option($args['label_for'], '1'), '1', false),
			esc_html($args['label'])
		);
	}

	public function render(): void
	{
		?>
		<div class="wrap">
			<h1><?php echo esc_html(get_admin_page_title()); ?></h1>
			<?php settings_errors(); ?>

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
