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

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view: its filters change nothing, and are validated where they are parsed
		$filter = EventFilter::fromQuery(wp_unslash($_GET), wp_timezone());
		$table = new EventsTable(new EventsQuery($wpdb), $filter);
		$table->prepare_items();

		$export = AdminHtml::exportUrl(ExportEvents::ACTION, $filter->queryArgs(EventFilter::EXPORT_ACTION));
		?>
		<div class="wrap">
			<?php
			AdminHtml::listHeading($export, 'leadtrail-events-export', array_map(self::problem(...), $filter->problems));
			AdminHtml::timeZoneNote();
			?>
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
