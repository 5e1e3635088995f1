<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Storage\VisitorsQuery;

/**
 * The list of visitors, 20 a page, each with its latest sessions in a
 * collapsible list.
 */
final class VisitorsTable extends \WP_List_Table
{
	use PagedTable;

	private const PER_PAGE = 20;
	private const SESSIONS_SHOWN = 10;

	/** The visitor ID searched for, if any. */
	private ?int $search = null;
	private bool $invalidSearch = false;

	public function __construct(private readonly VisitorsQuery $query)
	{
		parent::__construct([
			'singular' => 'leadtrail-visitor',
			'plural' => 'leadtrail-visitors',
			'ajax' => false,
		]);
	}

	public function get_columns(): array
	{
		return [
			'id' => __('Visitor ID', 'leadtrail'),
			'name' => __('Name', 'leadtrail'),
			'created_at' => __('First seen', 'leadtrail'),
			'last_seen_at' => __('Last seen', 'leadtrail'),
			'sessions' => __('Sessions', 'leadtrail'),
			'hits' => __('Page views', 'leadtrail'),
		];
	}

	public function prepare_items(): void
	{
		$this->readSearch();
		$page = fn (int $limit, int $offset): array => $this->invalidSearch ? [] : $this->query->page($this->search, $limit, $offset);
		$this->showPage($this->invalidSearch ? 0 : $this->query->count($this->search), self::PER_PAGE, 'id', $page);
	}

	public function searchIsInvalid(): bool
	{
		return $this->invalidSearch;
	}

	public function no_items(): void
	{
		if ($this->search !== null || $this->invalidSearch) {
			esc_html_e('No visitor has this ID.', 'leadtrail');
			return;
		}
		esc_html_e('No visitors yet. They appear here after their first page view.', 'leadtrail');
	}

	/**
	 * @param array<string, string> $item
	 * @param string                $column_name
	 */
	protected function column_default($item, $column_name): string
	{
		return match ($column_name) {
			'hits' => esc_html(number_format_i18n((int) $item[$column_name])),
			'name' => esc_html((string) $item['name']),
			'created_at', 'last_seen_at' => esc_html(AdminTime::local($item[$column_name])),
			default => '',
		};
	}

	/** @param array<string, string> $item */
	protected function column_id($item): string
	{
		return sprintf(
			'<a href="%s">%s</a>',
			esc_url(VisitorPage::url((int) $item['id'])),
			// An id is a name, not an amount: as the API gives it, to copy into the search.
			esc_html($item['id'])
		);
	}

	/** @param array<string, string> $item */
	protected function column_sessions($item): string
	{
		$count = (int) $item['sessions'];
		if ($count === 0) {
			return '0';
		}

		$rows = '';
		foreach ($this->query->sessions((int) $item['id'], self::SESSIONS_SHOWN) as $session) {
			$rows .= sprintf(
				'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td><a href="%s">%s</a></td><td>%s</td></tr>',
				esc_html(AdminTime::local($session['started_at'])),
				esc_html($session['source']),
				esc_html($session['medium']),
				esc_html($session['campaign']),
				esc_url($session['landing_url']),
				esc_html($session['landing_url']),
				esc_html(number_format_i18n((int) $session['hits']))
			);
		}

		$summary = sprintf(
			/* translators: %s: number of sessions */
			_n('%s session', '%s sessions', $count, 'leadtrail'),
			number_format_i18n($count)
		);
		$more = $count > self::SESSIONS_SHOWN
			/* translators: %d: number of sessions listed */
			? '<p class="description">' . esc_html(sprintf(__('The latest %d are listed.', 'leadtrail'), self::SESSIONS_SHOWN)) . '</p>'
			: '';

		return sprintf(
			'<details><summary>%s</summary><table class="widefat striped"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>%s</details>',
			esc_html($summary),
			esc_html__('Started', 'leadtrail'),
			esc_html__('Source', 'leadtrail'),
			esc_html__('Medium', 'leadtrail'),
			esc_html__('Campaign', 'leadtrail'),
			esc_html__('Landing page', 'leadtrail'),
			esc_html__('Page views', 'leadtrail'),
			$rows,
			$more
		);
	}

	/** Reads the visitor ID typed into the search box; anything but a positive whole number is invalid. */
	private function readSearch(): void
	{
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the search box of a read-only list; the query binds it as a value
		$raw = isset($_GET['s']) && is_string($_GET['s']) ? trim(wp_unslash($_GET['s'])) : '';
		if ($raw === '') {
			return;
		}
		$this->search = QueryParam::id($raw);
		$this->invalidSearch = $this->search === null;
	}
}
