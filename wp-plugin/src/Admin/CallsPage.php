<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallsQuery;

/**
 * LeadTrail > Calls (`admin.php?page=leadtrail-calls`): the calls from the webhook
 * and imported call logs, with filters and a CSV export; the "Import" tab takes a
 * call log.
 */
final class CallsPage
{
	public const SLUG = 'leadtrail-calls';
	public const TAB = 'tab';
	public const IMPORT_TAB = 'import';

	/** The submenu entry, after the others (admin_menu, a later priority than Menu). */
	public function addToMenu(): void
	{
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail calls', 'leadtrail'),
			__('Calls', 'leadtrail'),
			Menu::CAPABILITY,
			self::SLUG,
			[$this, 'render']
		);
	}

	/** @param array<string, string|int> $args */
	public static function importUrl(array $args = []): string
	{
		return add_query_arg(['page' => self::SLUG, self::TAB => self::IMPORT_TAB] + $args, admin_url('admin.php'));
	}

	public function render(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to see the calls.', 'leadtrail'), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view: its filters change nothing, and are validated where they are parsed
		$import = isset($_GET[self::TAB]) && $_GET[self::TAB] === self::IMPORT_TAB;
		if ($import) {
			echo '<div class="wrap">';
			echo '<h1 class="wp-heading-inline">' . esc_html(get_admin_page_title()) . '</h1><hr class="wp-header-end">';
			self::tabs(true);
			// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view: its filters change nothing, and are validated where they are parsed
			(new CallImportPage($wpdb))->render(wp_unslash($_GET));
			echo '</div>';
			return;
		}
		require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a read-only view: its filters change nothing, and are validated where they are parsed
		$filter = CallFilter::fromQuery(wp_unslash($_GET), wp_timezone());
		$table = new CallsTable(new CallsQuery($wpdb), $filter);
		$table->prepare_items();
		$export = AdminHtml::exportUrl(ExportCalls::ACTION, $filter->queryArgs());
		?>
		<div class="wrap">
			<?php
			AdminHtml::listHeading($export, 'leadtrail-calls-export', array_map(self::problem(...), $filter->problems));
			self::tabs(false);
			CallStatus::action()->notice();
			AdminHtml::timeZoneNote();
			?>
			<p class="description"><?php esc_html_e('A call to a dynamic number belongs to the visit that held the number when the call began; a call to a static number to the source the number stands for. Each attributed call counts as a lead of that source. Other calls are listed as unattributed.', 'leadtrail'); ?></p>
			<form method="get" id="leadtrail-calls-filter">
				<input type="hidden" name="page" value="<?php echo esc_attr(self::SLUG); ?>">
				<?php
				$table->search_box(__('Search by phone', 'leadtrail'), 'leadtrail-call');
				$table->display();
				?>
			</form>
		</div>
		<?php
	}

	private static function tabs(bool $import): void
	{
		printf(
			'<nav class="nav-tab-wrapper"><a href="%s" class="nav-tab%s">%s</a><a href="%s" class="nav-tab%s" id="leadtrail-calls-import-tab">%s</a></nav>',
			esc_url(admin_url('admin.php?page=' . self::SLUG)),
			$import ? '' : ' nav-tab-active',
			esc_html__('Calls', 'leadtrail'),
			esc_url(self::importUrl()),
			// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- one of two fixed class names
			$import ? ' nav-tab-active' : '',
			esc_html__('Import', 'leadtrail')
		);
	}

	private static function problem(string $param): string
	{
		return match ($param) {
			CallFilter::SEARCH => __('Search: type a phone number (digits, spaces, +, -, brackets). It was left out.', 'leadtrail'),
			CallFilter::STATUS => __('Status: choose answered or missed. It was left out.', 'leadtrail'),
			CallFilter::ATTRIBUTED => __('Attribution: choose attributed or unattributed. It was left out.', 'leadtrail'),
			CallFilter::PROCESSED => __('Status: choose new or processed. It was left out.', 'leadtrail'),
			DayRange::FROM => __('From: use a date such as 2026-12-31. It was left out.', 'leadtrail'),
			default => __('To: use a date such as 2026-12-31, not before “From”. It was left out.', 'leadtrail'),
		};
	}
}
