<?php
/**
 * The mode of the settings: self-hosted or CoMagic cloud (SettingsPage::field()).
 */

declare(strict_types=1);

use LeadTrail\Options;

defined('ABSPATH') || exit;

$leadtrail_mode = get_option(Options::MODE, Options::MODE_SELF_HOSTED);
?>
<fieldset>
	<legend class="screen-reader-text"><?php esc_html_e('Where the API runs', 'leadtrail'); ?></legend>
	<label>
		<input type="radio" name="<?php echo esc_attr(Options::MODE); ?>" value="<?php echo esc_attr(Options::MODE_SELF_HOSTED); ?>" <?php checked($leadtrail_mode, Options::MODE_SELF_HOSTED); ?>>
		<?php esc_html_e('Self-hosted: this site runs the CoMagic JS API and stores visitors in its own database', 'leadtrail'); ?>
	</label>
	<br>
	<label>
		<input type="radio" name="<?php echo esc_attr(Options::MODE); ?>" value="<?php echo esc_attr(Options::MODE_CLOUD); ?>" <?php checked($leadtrail_mode, Options::MODE_CLOUD); ?>>
		<?php esc_html_e('CoMagic cloud: pages get your CoMagic / UIS embed code, and leads captured on this server are also forwarded to CoMagic', 'leadtrail'); ?>
	</label>
</fieldset>
