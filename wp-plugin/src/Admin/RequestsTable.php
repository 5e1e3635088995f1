<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Cloud\Outbox;
use LeadTrail\Leads\NoVisitor;
use LeadTrail\Storage\RequestsQuery;
use LeadTrail\Support\Utf8;

/**
 * The list of requests, newest first, 20 a page, with the filters above it.
 * Every value came from a visitor or a site's server code: all escaped as text.
 */
final class RequestsTable extends \WP_List_Table
{
	use PagedTable;
	use TablenavWithoutNonce;

	private const PER_PAGE = 20;
	private const FORM_SUGGESTIONS = 200;
	private const EXCERPT = 80;

	/** @var array<int, array<string, string|null>> request id => its outbox row (cloud mode) */
	private array $deliveries = [];

	public function __construct(
		private readonly RequestsQuery $query,
		private readonly RequestFilter $filter,
	) {
		parent::__construct([
			'singular' => 'leadtrail-request',
			'plural' => 'leadtrail-requests',
			'ajax' => false,
		]);
	}

	public function get_columns(): array
	{
		return [
			'created_at' => __('Time', 'leadtrail'),
			'name' => __('Name', 'leadtrail'),
			'email' => __('E-mail', 'leadtrail'),
			'phone' => __('Phone', 'leadtrail'),
			'message' => __('Message', 'leadtrail'),
			'form_name' => __('Form', 'leadtrail'),
			'sale' => __('Sale', 'leadtrail'),
			'source' => __('Source', 'leadtrail'),
			'status' => __('Status', 'leadtrail'),
			'visitor_id' => __('Visitor ID', 'leadtrail'),
		] + (get_option(\LeadTrail\Options::MODE) === \LeadTrail\Options::MODE_CLOUD ? ['delivery' => __('CoMagic delivery', 'leadtrail')] : []);
	}

	public function prepare_items(): void
	{
		$page = fn (int $limit, int $offset): array => $this->query->page($this->filter, $limit, $offset);
		$this->showPage($this->query->count($this->filter), self::PER_PAGE, 'created_at', $page);
		global $wpdb;
		$this->deliveries = (new Outbox($wpdb))->forRequests(array_map(static fn (array $item): int => (int) $item['id'], $this->items));
	}

	public function no_items(): void
	{
		if ($this->filter->queryArgs() !== []) {
			esc_html_e('No requests match this search and these filters.', 'leadtrail');
			return;
		}
		esc_html_e('No requests yet. They appear here when pages call Comagic.addOfflineRequest() or a site’s server posts to api/add_offline_message/.', 'leadtrail');
	}

	/**
	 * @param array<string, string|null> $item
	 * @param string                     $column_name
	 */
	protected function column_default($item, $column_name): string
	{
		return match ($column_name) {
			'name', 'email', 'phone', 'form_name' => AdminHtml::text($item[$column_name]),
			'message' => AdminHtml::text($item['message'] === null ? null : self::excerpt($item['message'], self::EXCERPT)),
			'source' => esc_html(RequestPage::sourceLabel((string) $item['source'])),
			'status' => esc_html(RequestPage::statusLabel((string) $item['status'])),
			'delivery' => $this->delivery((int) $item['id']),
			'sale' => $item['is_sale'] === '1'
				? esc_html($item['sale_cost'] === null ? __('Yes', 'leadtrail') : number_format_i18n((float) $item['sale_cost'], 2))
				: AdminHtml::text(null),
			default => '',
		};
	}

	/** @param array<string, string|null> $item */
	protected function column_created_at($item): string
	{
		$id = (int) $item['id'];
		$status = (string) $item['status'];
		$actions = [
			'view' => sprintf('<a href="%s">%s</a>', esc_url(RequestPage::url($id)), esc_html__('View', 'leadtrail')),
			'status' => sprintf(
				'<a href="%s">%s</a>',
				esc_url(RequestStatus::action()->url($id, $status === 'new' ? 'processed' : 'new')),
				esc_html($status === 'new' ? __('Mark processed', 'leadtrail') : __('Mark new', 'leadtrail'))
			),
		];
		return sprintf(
			'<strong><a class="row-title" href="%s">%s</a></strong>%s',
			esc_url(RequestPage::url($id)),
			esc_html(AdminTime::local((string) $item['created_at'])),
			$this->row_actions($actions)
		);
	}

	/** @param array<string, string|null> $item */
	protected function column_visitor_id($item): string
	{
		$id = (int) $item['visitor_id'];
		if (NoVisitor::is($id)) {
			return AdminHtml::noVisitor();
		}
		return sprintf('<a href="%s">%s</a>', esc_url(VisitorPage::url($id)), esc_html((string) $id));
	}

	/** @param string $which */
	protected function extra_tablenav($which): void
	{
		if ($which !== 'top') {
			return;
		}
		$forms = $this->query->formNames(self::FORM_SUGGESTIONS);
		$sources = array_unique(array_merge(['js', 'server'], $this->query->sources()));
		?>
		<div class="alignleft actions">
			<label class="screen-reader-text" for="leadtrail-filter-form"><?php esc_html_e('Form', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-form" name="<?php echo esc_attr(RequestFilter::FORM); ?>">
				<option value=""><?php esc_html_e('All forms', 'leadtrail'); ?></option>
				<?php foreach ($forms as $form) : ?>
					<option value="<?php echo esc_attr($form); ?>" <?php selected($this->filter->form, $form); ?>><?php echo esc_html(self::excerpt($form, 60)); ?></option>
				<?php endforeach; ?>
			</select>

			<label class="screen-reader-text" for="leadtrail-filter-sale"><?php esc_html_e('Sale', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-sale" name="<?php echo esc_attr(RequestFilter::SALE); ?>">
				<option value=""><?php esc_html_e('Sales and others', 'leadtrail'); ?></option>
				<option value="yes" <?php selected($this->filter->sale, 'yes'); ?>><?php esc_html_e('Sales only', 'leadtrail'); ?></option>
				<option value="no" <?php selected($this->filter->sale, 'no'); ?>><?php esc_html_e('Not sales', 'leadtrail'); ?></option>
			</select>

			<label class="screen-reader-text" for="leadtrail-filter-source"><?php esc_html_e('Source', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-source" name="<?php echo esc_attr(RequestFilter::SOURCE); ?>">
				<option value=""><?php esc_html_e('All sources', 'leadtrail'); ?></option>
				<?php foreach ($sources as $source) : ?>
					<option value="<?php echo esc_attr($source); ?>" <?php selected($this->filter->source, $source); ?>><?php echo esc_html(RequestPage::sourceLabel($source)); ?></option>
				<?php endforeach; ?>
			</select>

			<label class="screen-reader-text" for="leadtrail-filter-status"><?php esc_html_e('Status', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-status" name="<?php echo esc_attr(RequestFilter::STATUS); ?>">
				<option value=""><?php esc_html_e('Any status', 'leadtrail'); ?></option>
				<?php foreach (RequestFilter::STATUSES as $status) : ?>
					<option value="<?php echo esc_attr($status); ?>" <?php selected($this->filter->status, $status); ?>><?php echo esc_html(RequestPage::statusLabel($status)); ?></option>
				<?php endforeach; ?>
			</select>

			<?php AdminHtml::dayRangeFilter($this->filter->from, $this->filter->to, $this->filter->queryArgs() !== [], RequestsPage::SLUG); ?>
		</div>
		<?php
	}

	private function delivery(int $id): string
	{
		$row = $this->deliveries[$id] ?? null;
		if ($row === null) {
			return AdminHtml::text(null);
		}
		return sprintf(
			'<span class="leadtrail-delivery" data-state="%s" title="%s">%s</span>',
			esc_attr((string) $row['state']),
			esc_attr((string) $row['last_error']),
			esc_html(DeliveryLabel::short($row))
		);
	}

	/** The first $max characters of plain text (not HTML: tags are text here and stay). */
	private static function excerpt(string $text, int $max): string
	{
		$short = Utf8::truncate($text, $max);
		return $short === $text ? $text : rtrim($short) . '…';
	}
}
