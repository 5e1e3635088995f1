<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\RequestsQuery;

/**
 * LeadTrail > Requests: the leads sent with Comagic.addOfflineRequest() (A4) and
 * to api/add_offline_message/ (A6), searched, filtered and exported as CSV; one
 * request's page (RequestPage) when the URL names one.
 */
final class RequestsPage
{
	public const SLUG = 'leadtrail-requests';

	public function render(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to see the requests.', 'leadtrail'), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view: its filters change nothing, and are validated where they are parsed
		if (isset($_GET[RequestPage::PARAM])) {
			// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a read-only view: its filters change nothing, and are validated where they are parsed
			(new RequestPage($wpdb))->render(wp_unslash($_GET[RequestPage::PARAM]));
			return;
		}
		// WP_List_Table is not loaded on every admin screen.
		require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view: its filters change nothing, and are validated where they are parsed
		$filter = RequestFilter::fromQuery(wp_unslash($_GET), wp_timezone());
		$query = new RequestsQuery($wpdb);
		$table = new RequestsTable($query, $filter);
		$table->prepare_items();

		$export = AdminHtml::exportUrl(ExportRequests::ACTION, $filter->queryArgs());
		?>
		<div class="wrap">
			<?php
			AdminHtml::listHeading($export, 'leadtrail-requests-export', array_map(self::problem(...), $filter->problems));
			RequestStatus::action()->notice();
			AdminHtml::timeZoneNote();
			?>
			<form method="get" id="leadtrail-requests-filter">
				<input type="hidden" name="page" value="<?php echo esc_attr(self::SLUG); ?>">
				<?php
				$table->search_box(__('Search requests', 'leadtrail'), 'leadtrail-request');
				$table->display();
				?>
			</form>
		</div>
		<?php
	}

	private static function problem(string $parameter): string
	{
		return match ($parameter) {
			RequestFilter::SEARCH => __('Search: enter at most 200 characters. The search was left out.', 'leadtrail'),
			RequestFilter::FORM => __('Form: this name cannot match any request. This filter was left out.', 'leadtrail'),
			RequestFilter::SALE => __('Sale: choose yes or no. This filter was left out.', 'leadtrail'),
			RequestFilter::SOURCE => __('Source: this is not a source name. This filter was left out.', 'leadtrail'),
			RequestFilter::STATUS => __('Status: choose new or processed. This filter was left out.', 'leadtrail'),
			RequestFilter::FROM => __('From: enter a date such as 2024-05-31. This filter was left out.', 'leadtrail'),
			default => __('To: enter a date such as 2024-05-31, not before the “From” date. This filter was left out.', 'leadtrail'),
		};
	}
}
