<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\EventsQuery;

/**
 * The list of events, newest first, 50 a page, with the filters above it.
 */
final class EventsTable extends \WP_List_Table
{
	use TablenavWithoutNonce;

	private const PER_PAGE = 50;
	/** How many known categories and actions the filter suggests. */
	private const SUGGESTIONS = 200;

	public function __construct(
		private readonly EventsQuery $query,
		private readonly EventFilter $filter,
	) {
		parent::__construct([
			'singular' => 'leadtrail-event',
			'plural' => 'leadtrail-events',
			'ajax' => false,
		]);
	}

	public function get_columns(): array
	{
		return [
			'created_at' => __('Time', 'leadtrail'),
			'category' => __('Category', 'leadtrail'),
			'action' => __('Action', 'leadtrail'),
			'name' => __('Name', 'leadtrail'),
			'value' => __('Value', 'leadtrail'),
			'visitor_id' => __('Visitor ID', 'leadtrail'),
		];
	}

	public function prepare_items(): void
	{
		$total = $this->query->count($this->filter);
		$this->items = $this->query->page($this->filter, self::PER_PAGE, ($this->get_pagenum() - 1) * self::PER_PAGE);
		$this->set_pagination_args(['total_items' => $total, 'per_page' => self::PER_PAGE]);
		$this->_column_headers = [$this->get_columns(), [], [], 'created_at'];
	}

	public function no_items(): void
	{
		if ($this->filter->queryArgs() !== []) {
			esc_html_e('No events match these filters.', 'leadtrail');
			return;
		}
		esc_html_e('No events yet. They appear here when pages call Comagic.trackEvent().', 'leadtrail');
	}

	/**
	 * @param array<string, string|null> $item
	 * @param string                     $column_name
	 */
	protected function column_default($item, $column_name): string
	{
		return match ($column_name) {
			'created_at' => esc_html(AdminTime::local((string) $item['created_at'])),
			'category', 'action' => esc_html((string) $item[$column_name]),
			'name', 'value' => $item[$column_name] === null
				? AdminHtml::none()
				: esc_html($item[$column_name]),
			default => '',
		};
	}

	/** @param array<string, string|null> $item */
	protected function column_visitor_id($item): string
	{
		$id = (int) $item['visitor_id'];
		return sprintf('<a href="%s">%s</a>', esc_url(VisitorPage::url($id)), esc_html((string) $id));
	}

	/** @param string $which */
	protected function extra_tablenav($which): void
	{
		if ($which !== 'top') {
			return;
		}
		?>
		<div class="alignleft actions">
			<label class="screen-reader-text" for="leadtrail-filter-category"><?php esc_html_e('Category', 'leadtrail'); ?></label>
			<input type="search" id="leadtrail-filter-category" name="<?php echo esc_attr(EventFilter::CATEGORY); ?>"
				value="<?php echo esc_attr($this->filter->category ?? ''); ?>" list="leadtrail-categories"
				placeholder="<?php esc_attr_e('Category', 'leadtrail'); ?>">
			<?php $this->datalist('leadtrail-categories', $this->query->distinct('category', self::SUGGESTIONS)); ?>

			<label class="screen-reader-text" for="leadtrail-filter-action"><?php esc_html_e('Action', 'leadtrail'); ?></label>
			<input type="search" id="leadtrail-filter-action" name="<?php echo esc_attr(EventFilter::ACTION); ?>"
				value="<?php echo esc_attr($this->filter->action ?? ''); ?>" list="leadtrail-actions"
				placeholder="<?php esc_attr_e('Action', 'leadtrail'); ?>">
			<?php $this->datalist('leadtrail-actions', $this->query->distinct('action', self::SUGGESTIONS)); ?>

			<label for="leadtrail-filter-from"><?php esc_html_e('From', 'leadtrail'); ?></label>
			<input type="date" id="leadtrail-filter-from" name="<?php echo esc_attr(EventFilter::FROM); ?>"
				value="<?php echo esc_attr($this->filter->from ?? ''); ?>">
			<label for="leadtrail-filter-to"><?php esc_html_e('to', 'leadtrail'); ?></label>
			<input type="date" id="leadtrail-filter-to" name="<?php echo esc_attr(EventFilter::TO); ?>"
				value="<?php echo esc_attr($this->filter->to ?? ''); ?>">

			<?php submit_button(__('Filter', 'leadtrail'), '', 'leadtrail-filter', false); ?>
			<?php if ($this->filter->queryArgs() !== []) : ?>
				<a class="button" href="<?php echo esc_url(admin_url('admin.php?page=' . EventsPage::SLUG)); ?>"><?php esc_html_e('Clear filters', 'leadtrail'); ?></a>
			<?php endif; ?>
		</div>
		<?php
	}

	/** @param list<string> $values */
	private function datalist(string $id, array $values): void
	{
		echo '<datalist id="' . esc_attr($id) . '">';
		foreach ($values as $value) {
			echo '<option value="' . esc_attr($value) . '"></option>';
		}
		echo '</datalist>';
	}
}
