<?php
/**
 * A checkbox of the settings (SettingsPage::field(), and the consent field).
 *
 * @var array{label_for: string, label: string, default?: string} $view
 */

declare(strict_types=1);

defined('ABSPATH') || exit;
?>
<label><input type="checkbox" id="<?php echo esc_attr($view['label_for']); ?>" name="<?php echo esc_attr($view['label_for']); ?>" value="1" <?php checked((string) get_option($view['label_for'], $view['default'] ?? '1'), '1'); ?>> <?php echo esc_html($view['label']); ?></label>
