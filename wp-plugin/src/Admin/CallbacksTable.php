<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Callbacks\CallbacksQuery;
use LeadTrail\Callbacks\CallbackStatus;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Options;

/**
 * The callback queue, by when to call, 20 a page. Every value came from a visitor:
 * all escaped as text.
 */
final class CallbacksTable extends \WP_List_Table
{
	use PagedTable;
	use TablenavWithoutNonce;

	private const PER_PAGE = 20;

	private EmployeeGroups $groups;

	public function __construct(
		private readonly CallbacksQuery $query,
		private readonly ?string $status,
	) {
		parent::__construct([
			'singular' => 'leadtrail-callback',
			'plural' => 'leadtrail-callbacks',
			'ajax' => false,
		]);
		$this->groups = EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'));
	}

	public function get_columns(): array
	{
		return [
			'call_at' => __('Call at', 'leadtrail'),
			'phone' => __('Phone', 'leadtrail'),
			'group' => __('Group', 'leadtrail'),
			'status' => __('Status', 'leadtrail'),
			'visitor_id' => __('Visitor', 'leadtrail'),
			'traffic' => __('Traffic source', 'leadtrail'),
			'created_at' => __('Ordered', 'leadtrail'),
		];
	}

	public function prepare_items(): void
	{
		$page = fn (int $limit, int $offset): array => $this->query->page($this->status, $limit, $offset);
		$this->showPage($this->query->count($this->status), self::PER_PAGE, 'call_at', $page);
	}

	public function no_items(): void
	{
		if ($this->status !== null) {
			esc_html_e('No callback orders have this status.', 'leadtrail');
			return;
		}
		esc_html_e('No callback orders yet. They appear here when visitors order a callback (ComagicWidget.sitePhoneCall or the callback form).', 'leadtrail');
	}

	/**
	 * @param array<string, string|null> $item
	 * @param string                     $column_name
	 */
	protected function column_default($item, $column_name): string
	{
		return match ($column_name) {
			'phone' => esc_html((string) $item['phone']),
			'status' => esc_html(CallbacksPage::statusLabel((string) $item['status'])),
			'created_at' => esc_html(CallbacksPage::localTime((string) $item['created_at'])),
			'group' => $this->group($item['group_id']),
			'traffic' => $this->traffic($item),
			default => '',
		};
	}

	/** @param array<string, string|null> $item */
	protected function column_call_at($item): string
	{
		$id = (int) $item['id'];
		$actions = [];
		foreach (['called' => __('Called', 'leadtrail'), 'no_answer' => __('No answer', 'leadtrail'), 'done' => __('Done', 'leadtrail'), 'new' => _x('New', 'request status', 'leadtrail')] as $status => $label) {
			if ($status !== $item['status']) {
				$actions[$status] = sprintf(
					'<a href="%s">%s</a>',
					esc_url(CallbackQueueStatus::action()->url($id, $status)),
					esc_html(sprintf(
						/* translators: %s: a status, e.g. Called */
						__('Mark: %s', 'leadtrail'),
						$label
					))
				);
			}
		}
		return sprintf(
			'<strong>%s</strong>%s%s',
			esc_html(CallbacksPage::localTime((string) $item['call_at'])),
			$item['is_delayed'] === '1' ? '' : ' <span class="description">' . esc_html__('(as soon as possible)', 'leadtrail') . '</span>',
			$this->row_actions($actions)
		);
	}

	/** @param array<string, string|null> $item */
	protected function column_visitor_id($item): string
	{
		$id = (int) $item['visitor_id'];
		return sprintf('<a href="%s">%s</a>', esc_url(VisitorPage::url($id)), esc_html('#' . $id));
	}

	/** @param array<string, string|null> $item */
	private function traffic(array $item): string
	{
		$parts = array_filter(
			[$item['traffic_source'] ?? null, $item['traffic_medium'] ?? null, $item['traffic_campaign'] ?? null],
			static fn (?string $part): bool => $part !== null && $part !== ''
		);
		return $parts === [] ? AdminHtml::none()
			: esc_html(implode(' / ', $parts));
	}

	private function group(?string $groupId): string
	{
		if ($groupId === null) {
			return AdminHtml::none();
		}
		$group = $this->groups->find((int) $groupId);
		return esc_html($group === null ? '#' . $groupId : $group->name);
	}

	/** @param string $which */
	protected function extra_tablenav($which): void
	{
		if ($which !== 'top') {
			return;
		}
		?>
		<div class="alignleft actions">
			<label class="screen-reader-text" for="leadtrail-filter-callback-status"><?php esc_html_e('Status', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-callback-status" name="<?php echo esc_attr(CallbacksPage::STATUS_PARAM); ?>">
				<option value=""><?php esc_html_e('Any status', 'leadtrail'); ?></option>
				<?php foreach (CallbackStatus::QUEUE as $status) : ?>
					<option value="<?php echo esc_attr($status); ?>" <?php selected($this->status, $status); ?>><?php echo esc_html(CallbacksPage::statusLabel($status)); ?></option>
				<?php endforeach; ?>
			</select>
			<?php submit_button(__('Filter', 'leadtrail'), '', 'leadtrail-filter', false); ?>
		</div>
		<?php
	}
}
