<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallsQuery;

/**
 * The calls, newest first, 20 a page, with the screen's filters. Numbers, sources
 * and addresses came from a provider or a file: all escaped.
 */
final class CallsTable extends \WP_List_Table
{
	use PagedTable;
	use TablenavWithoutNonce;

	private const PER_PAGE = 20;

	public function __construct(
		private readonly CallsQuery $query,
		private readonly CallFilter $filter,
	) {
		parent::__construct([
			'singular' => 'leadtrail-call',
			'plural' => 'leadtrail-calls',
			'ajax' => false,
		]);
	}

	public function get_columns(): array
	{
		return [
			'started_at' => __('Time', 'leadtrail'),
			'caller' => __('Caller', 'leadtrail'),
			'called' => __('Number called', 'leadtrail'),
			'status' => __('Result', 'leadtrail'),
			'processing' => __('Status', 'leadtrail'),
			'duration' => __('Duration', 'leadtrail'),
			'source' => __('Source', 'leadtrail'),
			'attribution' => __('Attributed to', 'leadtrail'),
			'visitor_id' => __('Visitor', 'leadtrail'),
			'recording' => __('Recording', 'leadtrail'),
		];
	}

	public function prepare_items(): void
	{
		$page = fn (int $limit, int $offset): array => $this->query->page($this->filter, $limit, $offset);
		$this->showPage($this->query->count($this->filter), self::PER_PAGE, 'started_at', $page);
	}

	public function no_items(): void
	{
		if ($this->filter->queryArgs() !== []) {
			esc_html_e('No calls match these filters.', 'leadtrail');
			return;
		}
		esc_html_e('No calls yet. They come from your telephony provider\'s webhook (see LeadTrail > Settings > Calls) and from call logs imported here.', 'leadtrail');
	}

	/**
	 * @param array<string, string|null> $item
	 * @param string                     $column_name
	 */
	protected function column_default($item, $column_name): string
	{
		return match ($column_name) {
			'processing' => esc_html(CallStatus::label($item['status'])),
			'caller' => esc_html(CallLabels::number($item['caller'])),
			'called' => esc_html(CallLabels::number($item['called'])),
			'status' => esc_html(CallLabels::status($item['answered'])),
			'duration' => esc_html(CallLabels::duration($item['duration'])),
			'source' => $item['source'] === '' ? AdminHtml::none() : esc_html((string) $item['source']),
			'attribution' => esc_html(CallLabels::attribution($item['attribution'])),
			'visitor_id' => $item['visitor_id'] === '0' ? AdminHtml::none()
				: sprintf('<a href="%s">%s</a>', esc_url(VisitorPage::url((int) $item['visitor_id'])), esc_html('#' . $item['visitor_id'])),
			'recording' => CallLabels::recordingLink($item['recording_url']),
			default => '',
		};
	}

	/**
	 * The time, with the row actions that mark the call processed or new.
	 *
	 * @param array<string, string|null> $item
	 */
	protected function column_started_at($item): string
	{
		$next = $item['status'] === 'processed' ? 'new' : 'processed';
		$action = sprintf(
			'<a href="%s" class="leadtrail-call-mark">%s</a>',
			esc_url(CallStatus::action()->url((int) $item['id'], $next)),
			esc_html($next === 'processed' ? __('Mark processed', 'leadtrail') : __('Mark new', 'leadtrail'))
		);
		return sprintf('<strong>%s</strong>%s', esc_html(AdminTime::local((string) $item['started_at'])), $this->row_actions(['status' => $action]));
	}

	/** @param string $which */
	protected function extra_tablenav($which): void
	{
		if ($which !== 'top') {
			return;
		}
		?>
		<div class="alignleft actions">
			<label class="screen-reader-text" for="leadtrail-filter-call-status"><?php esc_html_e('Status', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-call-status" name="<?php echo esc_attr(CallFilter::STATUS); ?>">
				<option value=""><?php esc_html_e('Answered and missed', 'leadtrail'); ?></option>
				<option value="answered" <?php selected($this->filter->status, 'answered'); ?>><?php esc_html_e('Answered', 'leadtrail'); ?></option>
				<option value="missed" <?php selected($this->filter->status, 'missed'); ?>><?php esc_html_e('Missed', 'leadtrail'); ?></option>
			</select>
			<label class="screen-reader-text" for="leadtrail-filter-attributed"><?php esc_html_e('Attribution', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-attributed" name="<?php echo esc_attr(CallFilter::ATTRIBUTED); ?>">
				<option value=""><?php esc_html_e('Attributed or not', 'leadtrail'); ?></option>
				<option value="yes" <?php selected($this->filter->attributed, 'yes'); ?>><?php esc_html_e('Attributed', 'leadtrail'); ?></option>
				<option value="no" <?php selected($this->filter->attributed, 'no'); ?>><?php esc_html_e('Unattributed', 'leadtrail'); ?></option>
			</select>
			<label class="screen-reader-text" for="leadtrail-filter-processing"><?php esc_html_e('Status', 'leadtrail'); ?></label>
			<select id="leadtrail-filter-processing" name="<?php echo esc_attr(CallFilter::PROCESSED); ?>">
				<option value=""><?php esc_html_e('Any status', 'leadtrail'); ?></option>
				<?php foreach (CallFilter::PROCESSING as $status) : ?>
					<option value="<?php echo esc_attr($status); ?>" <?php selected($this->filter->processing, $status); ?>><?php echo esc_html(CallStatus::label($status)); ?></option>
				<?php endforeach; ?>
			</select>
			<?php AdminHtml::dayRangeFilter($this->filter->from, $this->filter->to, $this->filter->queryArgs() !== [], CallsPage::SLUG); ?>
		</div>
		<?php
	}
}
