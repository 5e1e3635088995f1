<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Callbacks\CallbacksQuery;
use LeadTrail\Callbacks\CallbackStatus;

/**
 * LeadTrail > Callbacks (`admin.php?page=leadtrail-callbacks`): the queue of
 * callback orders (A10) by when to call, in the site's time zone, with a status
 * filter and nonce-protected actions (called, no answer, done).
 */
final class CallbacksPage
{
	public const SLUG = 'leadtrail-callbacks';
	public const STATUS_PARAM = 'status';

	/** The submenu entry, after the others (admin_menu, a later priority than Menu). */
	public function addToMenu(): void
	{
		add_submenu_page(
			SettingsPage::SLUG,
			__('LeadTrail callbacks', 'leadtrail'),
			__('Callbacks', 'leadtrail'),
			Menu::CAPABILITY,
			self::SLUG,
			[$this, 'render']
		);
	}

	/** A stored UTC DATETIME in the site's time zone and formats. */
	public static function localTime(string $utc): string
	{
		return AdminTime::local($utc);
	}

	public static function statusLabel(string $status): string
	{
		return match ($status) {
			'new' => _x('New', 'request status', 'leadtrail'),
			'called' => __('Called', 'leadtrail'),
			'no_answer' => __('No answer', 'leadtrail'),
			'done' => __('Done', 'leadtrail'),
			default => $status,
		};
	}

	/** The status filter of the query string, null for all (or for anything else). */
	public static function statusFilter(mixed $value): ?string
	{
		return is_string($value) && in_array($value, CallbackStatus::QUEUE, true) ? $value : null;
	}

	public function render(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to see the callbacks.', 'leadtrail'), '', ['response' => 403]);
		}
		require_once ABSPATH . 'wp-admin/includes/class-wp-list-table.php';

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a read-only view: its filters change nothing, and are validated where they are parsed
		$status = self::statusFilter(isset($_GET[self::STATUS_PARAM]) ? wp_unslash($_GET[self::STATUS_PARAM]) : null);
		$table = new CallbacksTable(new CallbacksQuery($wpdb), $status);
		$table->prepare_items();
		?>
		<div class="wrap">
			<h1 class="wp-heading-inline"><?php echo esc_html(get_admin_page_title()); ?></h1>
			<hr class="wp-header-end">
			<?php CallbackQueueStatus::action()->notice(); ?>
			<p class="description">
				<?php
				echo esc_html(sprintf(
					/* translators: %s: the site's time zone, e.g. Europe/Moscow or UTC+3 */
					__('Orders are listed by when to call, earliest first. Times are in the site’s time zone (%s).', 'leadtrail'),
					wp_timezone_string()
				));
				?>
			</p>
			<form method="get" id="leadtrail-callbacks-filter">
				<input type="hidden" name="page" value="<?php echo esc_attr(self::SLUG); ?>">
				<?php $table->display(); ?>
			</form>
		</div>
		<?php
	}
}
