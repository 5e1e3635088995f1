<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\EventsQuery;

/**
 * LeadTrail > Events: the events pages sent with Comagic.trackEvent() (A1),
 * filtered by category, action and dates, and exported as CSV.
 */
final class EventsPage
{
	public const SLUG = 'leadtrail-events';

	public function render(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to see the events.', 'leadtrail'), '', ['response' => 403]);
		}
		// WP_List_Table is not loaded on every admin screen.
		require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';

		$filter = EventFilter::fromQuery(wp_unslash($_GET), wp_timezone());
		$table = new EventsTable(new EventsQuery($wpdb), $filter);
		$table->prepare_items();

		$export = wp_nonce_url(
			add_query_arg(
				array_map('rawurlencode', ['action' => ExportEvents::ACTION] + $filter->queryArgs(EventFilter::EXPORT_ACTION)),
				admin_url('admin-post.php')
			),
			ExportEvents::ACTION
		);
		?>
		<div class="wrap">
			<h1 class="wp-heading-inline"><?php echo esc_html(get_admin_page_title()); ?></h1>
			<a class="page-title-action" href="<?php echo esc_url($export); ?>"><?php esc_html_e('Export CSV', 'leadtrail'); ?></a>
			<hr class="wp-header-end">
			<?php foreach ($filter->problems as $problem) : ?>
				<div class="notice notice-warning inline"><p><?php echo esc_html(self::problem($problem)); ?></p></div>
			<?php endforeach; ?>
			<p class="description">
				<?php
				echo esc_html(sprintf(
					/* translators: %s: the site's time zone, e.g. Europe/Moscow or UTC+3 */
					__('Times and dates are in the site’s time zone (%s).', 'leadtrail'),
					wp_timezone_string()
				));
				?>
			</p>
			<form method="get">
				<input type="hidden" name="page" value="<?php echo esc_attr(self::SLUG); ?>">
				<?php $table->display(); ?>
			</form>
		</div>
		<?php
	}

	private static function problem(string $parameter): string
	{
		return match ($parameter) {
			EventFilter::FROM => __('From: enter a date such as 2024-05-31. This filter was left out.', 'leadtrail'),
			EventFilter::TO => __('To: enter a date such as 2024-05-31, not before the “From” date. This filter was left out.', 'leadtrail'),
			EventFilter::CATEGORY => __('Category: this text cannot match any event. This filter was left out.', 'leadtrail'),
			default => __('Action: this text cannot match any event. This filter was left out.', 'leadtrail'),
		};
	}
}
