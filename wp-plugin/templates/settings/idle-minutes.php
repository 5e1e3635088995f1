<?php
/**
 * The sessions' idle time (SettingsPage::field()).
 */

declare(strict_types=1);

use LeadTrail\Identity\SessionRules;
use LeadTrail\Options;

defined('ABSPATH') || exit;
?>
<input type="number" class="small-text" id="<?php echo esc_attr(Options::IDLE_MINUTES); ?>" name="<?php echo esc_attr(Options::IDLE_MINUTES); ?>" value="<?php echo esc_attr((string) get_option(Options::IDLE_MINUTES, SessionRules::DEFAULT_IDLE_MINUTES)); ?>" min="<?php echo absint(SessionRules::MIN_IDLE_MINUTES); ?>" max="<?php echo absint(SessionRules::MAX_IDLE_MINUTES); ?>" step="1" required>
<?php esc_html_e('minutes without a hit end a session (1 to 1440).', 'leadtrail'); ?>
