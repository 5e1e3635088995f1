<?php
/**
 * A list field of the settings, one entry per line (SettingsPage::field()).
 *
 * @var array{label_for: string, description: string, default?: string, rows?: int, cols?: int, placeholder?: string} $view
 */

declare(strict_types=1);

defined('ABSPATH') || exit;
?>
<textarea id="<?php echo esc_attr($view['label_for']); ?>" name="<?php echo esc_attr($view['label_for']); ?>" rows="<?php echo absint($view['rows'] ?? 3); ?>" cols="<?php echo absint($view['cols'] ?? 40); ?>" class="code"<?php if (isset($view['placeholder'])) : ?> placeholder="<?php echo esc_attr($view['placeholder']); ?>"<?php endif; ?>><?php echo esc_textarea((string) get_option($view['label_for'], $view['default'] ?? '')); ?></textarea>
<p class="description"><?php echo esc_html($view['description']); ?></p>
