<?php
/**
 * A one-line text field of the settings (SettingsPage::field()).
 *
 * @var array{label_for: string, default: string, description: string} $view
 */

declare(strict_types=1);

defined('ABSPATH') || exit;
?>
<input type="text" class="regular-text code" id="<?php echo esc_attr($view['label_for']); ?>" name="<?php echo esc_attr($view['label_for']); ?>" value="<?php echo esc_attr((string) get_option($view['label_for'], $view['default'])); ?>">
<p class="description"><?php echo esc_html($view['description']); ?></p>
