<?php

declare(strict_types=1);

namespace LeadTrail\Health;

use LeadTrail\Admin\Menu;
use LeadTrail\Admin\SettingsPage;

/**
 * The settings page's box about the vendor's embed code on the front page, and
 * its "Check again" button (admin-post.php).
 */
final class VendorEmbedNotice
{
	public const ACTION = 'leadtrail_vendor_embed_check';
	public const NONCE = 'leadtrail_vendor_embed_nonce';

	public static function render(): void
	{
		if (!VendorEmbedCheck::applies()) {
			return;
		}
		$report = VendorEmbedCheck::report();
		$class = $report->found === [] && $report->error === null ? 'notice-success' : 'notice-warning';
		?>
		<div id="leadtrail-vendor-embed" class="notice <?php echo esc_attr($class); ?> inline">
			<p><strong><?php echo esc_html(VendorEmbedAdvice::title($report)); ?></strong></p>
			<?php echo wp_kses_post(VendorEmbedAdvice::html($report)); ?>
			<form method="post" action="<?php echo esc_url(admin_url('admin-post.php')); ?>">
				<input type="hidden" name="action" value="<?php echo esc_attr(self::ACTION); ?>">
				<?php wp_nonce_field(self::ACTION, self::NONCE); ?>
				<p>
					<?php
					echo esc_html(sprintf(
						/* translators: %s: date and time of the last check */
						__('Checked %s.', 'leadtrail'),
						wp_date((string) get_option('date_format') . ' ' . (string) get_option('time_format'), $report->checkedAt)
					));
					?>
					<?php submit_button(__('Check again', 'leadtrail'), 'secondary small', 'leadtrail-vendor-embed-check', false); ?>
				</p>
			</form>
		</div>
		<?php
	}

	public static function handle(): void
	{
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to check the front page.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION, self::NONCE);
		VendorEmbedCheck::run();
		wp_safe_redirect(admin_url('admin.php?page=' . SettingsPage::SLUG . '#leadtrail-vendor-embed'));
		exit;
	}
}
