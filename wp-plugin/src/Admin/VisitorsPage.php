<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\VisitorsQuery;

/**
 * LeadTrail > Visitors: recent visitors with their sessions, and one visitor's
 * page (VisitorPage) when the URL names one.
 */
final class VisitorsPage
{
	public const SLUG = 'leadtrail-visitors';

	public function render(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to see the visitors.', 'leadtrail'), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view: its filters change nothing, and are validated where they are parsed
		if (isset($_GET[VisitorPage::PARAM])) {
			// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a read-only view: its filters change nothing, and are validated where they are parsed
			(new VisitorPage($wpdb))->render(wp_unslash($_GET[VisitorPage::PARAM]));
			return;
		}
		// WP_List_Table is not loaded on every admin screen.
		require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';

		$table = new VisitorsTable(new VisitorsQuery($wpdb));
		$table->prepare_items();
		?>
		<div class="wrap">
			<h1 class="wp-heading-inline"><?php echo esc_html(get_admin_page_title()); ?></h1>
			<hr class="wp-header-end">
			<?php if ($table->searchIsInvalid()) : ?>
				<div class="notice notice-error inline"><p><?php esc_html_e('Visitor ID: enter a whole number, such as 42.', 'leadtrail'); ?></p></div>
			<?php endif; ?>
			<form method="get">
				<input type="hidden" name="page" value="<?php echo esc_attr(self::SLUG); ?>">
				<?php
				$table->search_box(__('Search by visitor ID', 'leadtrail'), 'leadtrail-visitor');
				$table->display();
				?>
			</form>
		</div>
		<?php
	}
}
