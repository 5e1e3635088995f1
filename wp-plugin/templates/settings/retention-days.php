<?php
/**
 * How long tracking data is kept (SettingsPage::field()).
 */

declare(strict_types=1);

use LeadTrail\Options;
use LeadTrail\Retention\RetentionDays;

defined('ABSPATH') || exit;

$leadtrail_days = RetentionDays::parse(get_option(Options::RETENTION_DAYS, 0)) ?? 0;
?>
<input type="number" class="small-text" id="<?php echo esc_attr(Options::RETENTION_DAYS); ?>" name="<?php echo esc_attr(Options::RETENTION_DAYS); ?>" value="<?php echo esc_attr($leadtrail_days === 0 ? '' : (string) $leadtrail_days); ?>" min="0" max="<?php echo absint(RetentionDays::MAX); ?>" step="1">
<?php esc_html_e('days (0 or empty: keep forever)', 'leadtrail'); ?>
<p class="description" id="leadtrail-retention-scope"><?php esc_html_e('Once a day, page views (hits), events and sessions older than this are deleted, with the records of visitors’ calls; then every visitor not seen since then that has no session, page view, request or callback order left, with its name, phones, e-mails and properties. Requests (leads) and callback orders are business records: they are never deleted here, and neither is a visitor that has one. Captchas expire on their own within minutes.', 'leadtrail'); ?></p>
