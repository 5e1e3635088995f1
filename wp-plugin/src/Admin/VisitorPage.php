<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Callbacks\CallbacksQuery;
use LeadTrail\Contacts\Contact;
use LeadTrail\PhoneCalls\CallsQuery;
use LeadTrail\Storage\EventsQuery;
use LeadTrail\Storage\RequestsQuery;
use LeadTrail\Storage\VisitorDetailQuery;
use LeadTrail\Storage\VisitorsQuery;

/**
 * One visitor (LeadTrail > Visitors > a visitor ID): what the visitor told
 * (name, phones, e-mails), its properties, its sessions, its leads (requests,
 * callback orders, calls) and its events.
 * Everything here came from a visitor's browser or a site's server code, so
 * every value is escaped as text.
 */
final class VisitorPage
{
	public const PARAM = 'visitor';
	private const EVENTS_PARAM = 'events_page';
	private const LATEST_SHOWN = 20;
	private const EVENTS_PER_PAGE = 50;
	private const SESSIONS_SHOWN = 100;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public static function url(int $visitorId): string
	{
		return add_query_arg(['page' => VisitorsPage::SLUG, self::PARAM => $visitorId], admin_url('admin.php'));
	}

	/** @param mixed $raw the `visitor` query parameter */
	public function render(mixed $raw): void
	{
		$id = QueryParam::id($raw);
		$details = new VisitorDetailQuery($this->wpdb);
		$visitor = $id === null ? null : $details->visitor($id);
		?>
		<div class="wrap">
			<?php
			AdminHtml::backLink(VisitorsPage::SLUG, __('All visitors', 'leadtrail'));
			if ($visitor === null) {
				$this->notFound(is_string($raw) ? $raw : '');
				echo '</div>';
				return;
			}
			$id = (int) $visitor['id'];
			AdminHtml::detailHeading(sprintf(
				/* translators: %s: visitor ID */
				__('Visitor %s', 'leadtrail'),
				// An id is a name, not an amount: as the API gives it, to copy into the search.
				(string) $id
			));
			?>
			<table class="form-table" role="presentation">
				<tr><th scope="row"><?php esc_html_e('Name', 'leadtrail'); ?></th>
					<td><?php echo $visitor['name'] === null ? AdminHtml::none() : esc_html($visitor['name']); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- AdminHtml::none() is fixed, escaped markup ?></td></tr>
				<tr><th scope="row"><?php esc_html_e('First seen', 'leadtrail'); ?></th>
					<td><?php echo esc_html(AdminTime::local($visitor['created_at'])); ?></td></tr>
				<tr><th scope="row"><?php esc_html_e('Last seen', 'leadtrail'); ?></th>
					<td><?php echo esc_html(AdminTime::local($visitor['last_seen_at'])); ?></td></tr>
			</table>
			<?php
			$this->contacts($details->contacts($id));
			$this->properties($details->properties($id));
			$this->sessions($id, $details->countSessions($id));
			$this->requests($id);
			$this->callbacks($id);
			$this->calls($id);
			$this->events($id);
			?>
		</div>
		<?php
	}

	private function notFound(string $raw): void
	{
		AdminHtml::notFound(
			__('Visitor', 'leadtrail'),
			/* translators: %s: the visitor ID that was asked for */
			__('There is no visitor with the ID “%s”. It may have been mistyped, or the visitor’s data was deleted.', 'leadtrail'),
			$raw
		);
	}

	/** @param list<array{kind: string, value: string, source: string, page_url: string, created_at: string}> $contacts */
	private function contacts(array $contacts): void
	{
		echo '<h2>' . esc_html__('Phones and e-mails', 'leadtrail') . '</h2>';
		if ($contacts === []) {
			echo '<p>' . esc_html__('None yet. They come from Comagic.addVisitorInfo() and the vc/s/ tracker address.', 'leadtrail') . '</p>';
			return;
		}
		$rows = '';
		foreach ($contacts as $contact) {
			$rows .= sprintf(
				'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_html($contact['kind'] === Contact::PHONE ? __('Phone', 'leadtrail') : __('E-mail', 'leadtrail')),
				esc_html($contact['value']),
				esc_html($contact['source'] === 'tracker' ? __('vc/s/ (server)', 'leadtrail') : __('addVisitorInfo (page)', 'leadtrail')),
				AdminHtml::pageAddress($contact['page_url']),
				esc_html(AdminTime::local($contact['created_at']))
			);
		}
		self::table([__('Kind', 'leadtrail'), __('Given as', 'leadtrail'), __('Source', 'leadtrail'), __('Page', 'leadtrail'), __('Added', 'leadtrail')], $rows);
	}

	/** @param list<array{name: string, value: string|null, updated_at: string}> $properties */
	private function properties(array $properties): void
	{
		echo '<h2>' . esc_html__('Properties', 'leadtrail') . '</h2>';
		if ($properties === []) {
			echo '<p>' . esc_html__('None set. Pages set them with Comagic.setProperty().', 'leadtrail') . '</p>';
			return;
		}
		$rows = '';
		foreach ($properties as $property) {
			$rows .= sprintf(
				'<tr><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_html($property['name']),
				$property['value'] === null
					? '<em>' . esc_html__('set without a value', 'leadtrail') . '</em>'
					: esc_html($property['value']),
				esc_html(AdminTime::local($property['updated_at']))
			);
		}
		self::table([__('Name', 'leadtrail'), __('Value', 'leadtrail'), __('Set', 'leadtrail')], $rows);
	}

	private function sessions(int $visitorId, int $count): void
	{
		self::countedHeading('sessions', __('Sessions', 'leadtrail'), $count);
		if ($count === 0) {
			echo '<p>' . esc_html__('No sessions.', 'leadtrail') . '</p>';
			return;
		}
		$rows = '';
		foreach ((new VisitorsQuery($this->wpdb))->sessions($visitorId, self::SESSIONS_SHOWN) as $session) {
			$rows .= sprintf(
				'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_html(AdminTime::local($session['started_at'])),
				esc_html($session['source']),
				esc_html($session['medium']),
				esc_html($session['campaign']),
				AdminHtml::clickId($session['landing_url']),
				AdminHtml::pageAddress($session['landing_url']),
				esc_html(number_format_i18n((int) $session['hits']))
			);
		}
		self::table(
			[__('Started', 'leadtrail'), __('Source', 'leadtrail'), __('Medium', 'leadtrail'), __('Campaign', 'leadtrail'), __('Click id', 'leadtrail'), __('Landing page', 'leadtrail'), __('Page views', 'leadtrail')],
			$rows
		);
		self::latestNote($count, self::SESSIONS_SHOWN);
	}

	/** The visitor's leads, each linked to its page on the Requests screen. */
	private function requests(int $visitorId): void
	{
		$query = new RequestsQuery($this->wpdb);
		$count = $query->countForVisitor($visitorId);
		self::countedHeading('requests', __('Requests', 'leadtrail'), $count);
		if ($count === 0) {
			echo '<p>' . esc_html__('No requests.', 'leadtrail') . '</p>';
			return;
		}
		$rows = '';
		foreach ($query->latestForVisitor($visitorId, self::LATEST_SHOWN) as $request) {
			$rows .= sprintf(
				'<tr><td><a href="%s">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_url(RequestPage::url((int) $request['id'])),
				esc_html(AdminTime::local((string) $request['created_at'])),
				AdminHtml::text($request['form_name']),
				AdminHtml::text($request['name']),
				AdminHtml::text($request['phone']),
				AdminHtml::text($request['email']),
				esc_html((string) $request['source']),
				esc_html((string) $request['status'])
			);
		}
		self::table(
			[__('Time', 'leadtrail'), __('Form', 'leadtrail'), __('Name', 'leadtrail'), __('Phone', 'leadtrail'), __('E-mail', 'leadtrail'), __('Source', 'leadtrail'), __('Status', 'leadtrail')],
			$rows
		);
		self::latestNote($count, self::LATEST_SHOWN);
	}

	/** The visitor's callback orders. */
	private function callbacks(int $visitorId): void
	{
		$query = new CallbacksQuery($this->wpdb);
		$count = $query->countForVisitor($visitorId);
		self::countedHeading('callbacks', __('Callback orders', 'leadtrail'), $count);
		if ($count === 0) {
			echo '<p>' . esc_html__('No callback orders.', 'leadtrail') . '</p>';
			return;
		}
		$rows = '';
		foreach ($query->latestForVisitor($visitorId, self::LATEST_SHOWN) as $order) {
			$rows .= sprintf(
				'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_html(AdminTime::local((string) $order['created_at'])),
				esc_html((string) $order['phone']),
				esc_html(AdminTime::local((string) $order['call_at'])) . ($order['is_delayed'] === '1' ? '' : ' ' . esc_html__('(as soon as possible)', 'leadtrail')),
				esc_html((string) $order['status'])
			);
		}
		self::table([__('Ordered', 'leadtrail'), __('Phone', 'leadtrail'), __('Call at', 'leadtrail'), __('Status', 'leadtrail')], $rows);
		self::latestNote($count, self::LATEST_SHOWN);
	}

	/** The visitor's phone calls: each attributed to one of its visits, a lead of that visit's source. */
	private function calls(int $visitorId): void
	{
		$query = new CallsQuery($this->wpdb);
		$count = $query->countForVisitor($visitorId);
		self::countedHeading('calls', __('Calls', 'leadtrail'), $count);
		if ($count === 0) {
			echo '<p>' . esc_html__('No calls attributed to this visitor.', 'leadtrail') . '</p>';
			return;
		}
		$rows = '';
		foreach ($query->latestForVisitor($visitorId, self::LATEST_SHOWN) as $call) {
			$rows .= sprintf(
				'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_html(AdminTime::local((string) $call['started_at'])),
				esc_html(CallLabels::number($call['caller'])),
				esc_html(CallLabels::number($call['called'])),
				esc_html(CallLabels::status($call['answered'])),
				esc_html(CallLabels::duration($call['duration'])),
				$call['source'] === '' ? AdminHtml::none() : esc_html((string) $call['source']),
				CallLabels::recordingLink($call['recording_url'])
			);
		}
		self::table(
			[__('Time', 'leadtrail'), __('Caller', 'leadtrail'), __('Number called', 'leadtrail'), __('Status', 'leadtrail'), __('Duration', 'leadtrail'), __('Source', 'leadtrail'), __('Recording', 'leadtrail')],
			$rows
		);
		self::latestNote($count, self::LATEST_SHOWN);
	}

	/** A section's heading with its row count; the id lets links (and tests) point at the section. */
	private static function countedHeading(string $id, string $title, int $count): void
	{
		printf(
			'<h2 id="%s">%s <span class="count">(%s)</span></h2>',
			esc_attr($id),
			esc_html($title),
			esc_html(number_format_i18n($count))
		);
	}

	private static function latestNote(int $count, int $shown): void
	{
		if ($count > $shown) {
			/* translators: %d: number of rows listed */
			echo '<p class="description">' . esc_html(sprintf(__('The latest %d are listed.', 'leadtrail'), $shown)) . '</p>';
		}
	}

	private function events(int $visitorId): void
	{
		$query = new EventsQuery($this->wpdb);
		$count = $query->countForVisitor($visitorId);
		self::countedHeading('events', __('Events', 'leadtrail'), $count);
		if ($count === 0) {
			echo '<p>' . esc_html__('No events. Pages send them with Comagic.trackEvent().', 'leadtrail') . '</p>';
			return;
		}

		$pages = (int) ceil($count / self::EVENTS_PER_PAGE);
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the page number of a read-only list, read as an integer
		$page = isset($_GET[self::EVENTS_PARAM]) && is_string($_GET[self::EVENTS_PARAM])
			// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the page number of a read-only list, read as an integer
			? min($pages, max(1, (int) $_GET[self::EVENTS_PARAM]))
			: 1;

		$rows = '';
		foreach ($query->forVisitor($visitorId, self::EVENTS_PER_PAGE, ($page - 1) * self::EVENTS_PER_PAGE) as $event) {
			$rows .= sprintf(
				'<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
				esc_html(AdminTime::local((string) $event['created_at'])),
				esc_html((string) $event['category']),
				esc_html((string) $event['action']),
				$event['name'] === null ? AdminHtml::none() : esc_html($event['name']),
				$event['value'] === null ? AdminHtml::none() : esc_html($event['value']),
				esc_html((string) $event['session_id'])
			);
		}
		self::table(
			[__('Time', 'leadtrail'), __('Category', 'leadtrail'), __('Action', 'leadtrail'), __('Name', 'leadtrail'), __('Value', 'leadtrail'), __('Session ID', 'leadtrail')],
			$rows
		);

		if ($pages > 1) {
			$links = paginate_links([
				'base' => add_query_arg(self::EVENTS_PARAM, '%#%', self::url($visitorId)),
				'format' => '',
				'current' => $page,
				'total' => $pages,
			]);
			echo '<div class="tablenav"><div class="tablenav-pages">' . wp_kses_post((string) $links) . '</div></div>';
		}
	}

	/**
	 * @param list<string> $headings
	 * @param string       $rows     escaped HTML rows
	 */
	private static function table(array $headings, string $rows): void
	{
		echo '<table class="widefat striped"><thead><tr>';
		foreach ($headings as $heading) {
			echo '<th scope="col">' . esc_html($heading) . '</th>';
		}
		echo '</tr></thead><tbody>' . $rows . '</tbody></table>'; // phpcs:ignore WordPress.Security.EscapeOutput -- rows are escaped cell by cell above
	}
}
