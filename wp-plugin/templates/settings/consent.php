<?php
/**
 * Waiting for cookie consent (SettingsPage::field()): the checkbox, what it does, and a warning
 * while it is on without the WP Consent API.
 *
 * @var array{label_for: string, label: string, default?: string} $view
 */

declare(strict_types=1);

use LeadTrail\Consent\ConsentSetting;

defined('ABSPATH') || exit;

require __DIR__ . '/flag.php';
?>
<p class="description"><?php esc_html_e('The LeadTrail script loads only once the WP Consent API says yes for the “statistics” category: at once for a visitor who already agreed, or as soon as they do. Until then the page’s Comagic calls wait, and run when it loads. A visitor who never agrees is not tracked; forms they send on your server are still recorded as requests, without a visitor. Withdrawing consent takes effect from the next page. Without the WP Consent API and a banner plugin that supports it, nothing loads.', 'leadtrail'); ?></p>
<?php if (ConsentSetting::waits() && !ConsentSetting::apiActive()) : ?>
	<div class="notice notice-warning inline" id="leadtrail-consent-missing"><p><?php esc_html_e('The WP Consent API is not active on this site: while this is on, LeadTrail tracks no visitor. Install and activate the WP Consent API plugin and a consent banner that supports it, or turn this off.', 'leadtrail'); ?></p></div>
<?php endif; ?>
