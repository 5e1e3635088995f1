<?php
/**
 * LeadTrail > Settings (SettingsPage::render()): the site key, the Settings API form, the Roles form.
 */

declare(strict_types=1);

use LeadTrail\Admin\RegenerateSiteKey;
use LeadTrail\Admin\RoleSettings;
use LeadTrail\Admin\SettingsPage;
use LeadTrail\Health\VendorEmbedNotice;
use LeadTrail\Options;

defined('ABSPATH') || exit;
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
		settings_fields(SettingsPage::GROUP);
		do_settings_sections(SettingsPage::SLUG);
		submit_button();
		?>
	</form>

	<?php (new RoleSettings())->render(); ?>
</div>
