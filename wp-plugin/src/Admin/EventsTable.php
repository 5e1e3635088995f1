<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\EventsQuery;

/**
 * The list of events, newest first, 50 a page, with the filters above it.
 */
final class EventsTable extends \WP_List_Table
{
	use PagedTable;
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
		$page = fn (int $limit, int $offset): array => $this->query->page($this->filter, $limit, $offset);
		$this->showPage($this->query->count($this->filter), self::PER_PAGE, 'created_at', $page);
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

			<?php AdminHtml::dayRangeFilter($this->filter->from, $this->filter->to, $this->filter->queryArgs() !== [], EventsPage::SLUG); ?>
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
