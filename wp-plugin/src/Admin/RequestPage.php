<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Cloud\Delivery;
use LeadTrail\Cloud\Outbox;
use LeadTrail\Leads\EmployeeGroups;
use LeadTrail\Leads\NoVisitor;
use LeadTrail\Leads\UserFields;
use LeadTrail\Options;
use LeadTrail\Storage\RequestsQuery;

/**
 * One request (LeadTrail > Requests > a request): what was sent, who sent it
 * (the visitor, the session's traffic source, the page), its status with the
 * action that toggles it, and whether its e-mail notice went out. Every value
 * came from a visitor or a site's server: all escaped as text.
 */
final class RequestPage
{
	public const PARAM = 'request';

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public static function url(int $id): string
	{
		return add_query_arg(['page' => RequestsPage::SLUG, self::PARAM => $id], admin_url('admin.php'));
	}

	public static function sourceLabel(string $source): string
	{
		return match ($source) {
			'js' => __('Page (addOfflineRequest)', 'leadtrail'),
			'server' => __('Server (add_offline_message)', 'leadtrail'),
			'cf7' => 'Contact Form 7',
			'wpforms' => 'WPForms',
			'gravityforms' => 'Gravity Forms',
			'elementor' => 'Elementor Pro',
			'ninjaforms' => 'Ninja Forms',
			'fluentforms' => 'Fluent Forms',
			'formidable' => 'Formidable Forms',
			'woocommerce' => __('WooCommerce order', 'leadtrail'),
			'comments' => __('Comment', 'leadtrail'),
			'form' => __('Page form (data-leadtrail)', 'leadtrail'),
			'custom' => __('Custom code (leadtrail_capture_request)', 'leadtrail'),
			default => $source,
		};
	}

	public static function statusLabel(string $status): string
	{
		return $status === 'processed' ? _x('Processed', 'request status', 'leadtrail') : _x('New', 'request status', 'leadtrail');
	}

	/** @param mixed $raw the `request` query parameter */
	public function render(mixed $raw): void
	{
		$id = QueryParam::id($raw);
		$request = $id === null ? null : (new RequestsQuery($this->wpdb))->find($id);
		?>
		<div class="wrap">
			<?php
			AdminHtml::backLink(RequestsPage::SLUG, __('All requests', 'leadtrail'));
			if ($request === null) {
				$this->notFound(is_string($raw) ? $raw : '');
				echo '</div>';
				return;
			}
			$id = (int) $request['id'];
			AdminHtml::detailHeading(sprintf(
				/* translators: %s: request ID */
				__('Request %s', 'leadtrail'),
				number_format_i18n($id)
			));
			?>
			<?php RequestStatus::action()->notice(); ?>
			<?php ResendRequest::notice(); ?>
			<?php
			$this->status($id, (string) $request['status']);
			$this->request($request);
			$this->delivery($id);
			$this->origin($request);
			?>
		</div>
		<?php
	}

	private function notFound(string $raw): void
	{
		AdminHtml::notFound(
			__('Request', 'leadtrail'),
			/* translators: %s: the request ID that was asked for */
			__('There is no request with the ID “%s”. It may have been mistyped, or it was deleted.', 'leadtrail'),
			$raw
		);
	}

	private function status(int $id, string $status): void
	{
		$next = $status === 'new' ? 'processed' : 'new';
		?>
		<form method="post" action="<?php echo esc_url(admin_url('admin-post.php')); ?>" id="leadtrail-request-status">
			<p>
				<strong><?php esc_html_e('Status:', 'leadtrail'); ?></strong>
				<span id="leadtrail-request-status-value" data-status="<?php echo esc_attr($status); ?>"><?php echo esc_html(self::statusLabel($status)); ?></span>
				<input type="hidden" name="action" value="<?php echo esc_attr(RequestStatus::ACTION); ?>">
				<input type="hidden" name="<?php echo esc_attr(self::PARAM); ?>" value="<?php echo esc_attr((string) $id); ?>">
				<input type="hidden" name="status" value="<?php echo esc_attr($next); ?>">
				<?php wp_nonce_field(RequestStatus::action()->nonceAction($id)); ?>
				<?php submit_button($next === 'processed' ? __('Mark processed', 'leadtrail') : __('Mark new', 'leadtrail'), 'secondary', 'leadtrail-status-submit', false); ?>
			</p>
		</form>
		<?php
	}

	/** @param array<string, string|null> $request */
	private function request(array $request): void
	{
		$groups = EmployeeGroups::fromJson((string) get_option(Options::REQUEST_GROUPS, '[]'));
		$group = $request['group_id'] === null ? null : $groups->find((int) $request['group_id']);
		$rows = [
			[__('Time', 'leadtrail'), esc_html(AdminTime::local((string) $request['created_at']))],
			[__('Form', 'leadtrail'), AdminHtml::text($request['form_name'])],
			[__('Name', 'leadtrail'), AdminHtml::text($request['name'])],
			[__('E-mail', 'leadtrail'), $request['email'] === null ? AdminHtml::none()
				: sprintf('<a href="%s">%s</a>', esc_url(AdminHtml::mailtoHref($request['email']), ['mailto']), esc_html($request['email']))],
			[__('Phone', 'leadtrail'), $request['phone'] === null ? AdminHtml::none()
				: sprintf('<a href="%s">%s</a>', esc_url('tel:' . (str_starts_with(trim($request['phone']), '+') ? '+' : '') . $request['phone_normalized'], ['tel']), esc_html($request['phone']))],
			[__('Message', 'leadtrail'), $request['message'] === null ? AdminHtml::none()
				: '<div class="leadtrail-message" style="white-space: pre-wrap;">' . esc_html($request['message']) . '</div>'],
			[__('Sale', 'leadtrail'), $request['is_sale'] === '1' ? esc_html__('Yes', 'leadtrail') : esc_html__('No', 'leadtrail')],
			[__('Deal amount', 'leadtrail'), $request['sale_cost'] === null ? AdminHtml::none() : esc_html(number_format_i18n((float) $request['sale_cost'], 2))],
			[__('Employee group', 'leadtrail'), $request['group_id'] === null ? AdminHtml::none() : esc_html(
				$group === null
					/* translators: %s: group ID */
					? sprintf(__('%s (no longer defined)', 'leadtrail'), $request['group_id'])
					: sprintf('%s (%d)', $group->name, $group->id)
			)],
			[__('Sent through', 'leadtrail'), esc_html(self::sourceLabel((string) $request['source']))],
			[__('E-mail notice', 'leadtrail'), esc_html(self::noticeLabel((string) $request['notify_state']))],
		];
		echo '<h2>' . esc_html__('Request', 'leadtrail') . '</h2>';
		self::rows($rows, 'leadtrail-request-fields');

		$extra = UserFields::fromJson($request['user_fields']);
		if ($extra !== []) {
			echo '<h2>' . esc_html__('Other fields', 'leadtrail') . '</h2>';
			$rows = [];
			foreach ($extra as $name => $value) {
				$rows[] = [(string) $name, esc_html($value)];
			}
			self::rows($rows, 'leadtrail-request-user-fields');
		}
	}

	/** @param array<string, string|null> $request */
	private function origin(array $request): void
	{
		$visitorId = (int) $request['visitor_id'];
		$visitor = NoVisitor::is($visitorId) ? AdminHtml::noVisitor() : sprintf('<a href="%s">%s</a>', esc_url(VisitorPage::url($visitorId)), esc_html(sprintf(
			/* translators: %s: visitor ID */
			__('Visitor %s', 'leadtrail'),
			(string) $visitorId
		)));
		if ($request['visitor_name'] !== null && $request['visitor_name'] !== '') {
			$visitor .= ' — ' . esc_html($request['visitor_name']);
		}
		$session = $request['session_started_at'] === null ? null : $request;
		$rows = [
			[__('Visitor', 'leadtrail'), $visitor],
			[__('Page', 'leadtrail'), AdminHtml::pageAddress((string) $request['page_url'])],
			[__('Traffic source', 'leadtrail'), $session === null ? AdminHtml::none() : AdminHtml::text($session['traffic_source'])],
			[__('Medium', 'leadtrail'), $session === null ? AdminHtml::none() : AdminHtml::text($session['traffic_medium'])],
			[__('Campaign', 'leadtrail'), $session === null ? AdminHtml::none() : AdminHtml::text($session['traffic_campaign'])],
			[__('Click id', 'leadtrail'), $session === null ? AdminHtml::none() : AdminHtml::clickId((string) $session['session_landing_url'])],
			[__('Landing page', 'leadtrail'), $session === null ? AdminHtml::none() : AdminHtml::pageAddress((string) $session['session_landing_url'])],
			[__('Referrer', 'leadtrail'), $session === null ? AdminHtml::none() : AdminHtml::pageAddress((string) $session['session_referrer'])],
			[__('Session ID', 'leadtrail'), $request['session_id'] === '0' ? AdminHtml::none() : esc_html((string) $request['session_id'])],
			[__('Hit ID', 'leadtrail'), $request['hit_id'] === '0' ? AdminHtml::none() : esc_html((string) $request['hit_id'])],
		];
		echo '<h2>' . esc_html__('Where it came from', 'leadtrail') . '</h2>';
		self::rows($rows, 'leadtrail-request-origin');
	}

	/** Cloud mode: the forwarding to the vendor, with a resend button while it is not delivered. */
	private function delivery(int $id): void
	{
		$row = (new Outbox($this->wpdb))->forRequest($id);
		if ($row === null) {
			return;
		}
		$state = (string) $row['state'];
		$rows = [
			[__('State', 'leadtrail'), sprintf('<span id="leadtrail-delivery-state" data-state="%s">%s</span>', esc_attr($state), esc_html(DeliveryLabel::short($row)))],
			[__('Attempts', 'leadtrail'), esc_html((string) $row['attempts'])],
			[__('Next try', 'leadtrail'), $row['next_try_at'] === null || $state === Delivery::DELIVERED ? AdminHtml::none()
				: esc_html(AdminTime::local(gmdate('Y-m-d H:i:s', (int) $row['next_try_at'])))],
			[__('Delivered', 'leadtrail'), $row['delivered_at'] === null ? AdminHtml::none()
				: esc_html(AdminTime::local(gmdate('Y-m-d H:i:s', (int) $row['delivered_at'])))],
			[__('Last error', 'leadtrail'), '<span id="leadtrail-delivery-error">' . AdminHtml::text($row['last_error']) . '</span>'],
			[__('Sent to', 'leadtrail'), '<code>' . esc_html((string) $row['target']) . '</code>'],
		];
		echo '<h2>' . esc_html__('Delivery to CoMagic', 'leadtrail') . '</h2>';
		self::rows($rows, 'leadtrail-request-delivery');
		if (Delivery::resend($state, 0) === null) {
			return;
		}
		?>
		<form method="post" action="<?php echo esc_url(admin_url('admin-post.php')); ?>" id="leadtrail-request-resend">
			<input type="hidden" name="action" value="<?php echo esc_attr(ResendRequest::ACTION); ?>">
			<input type="hidden" name="<?php echo esc_attr(self::PARAM); ?>" value="<?php echo esc_attr((string) $id); ?>">
			<?php wp_nonce_field(ResendRequest::nonceAction($id)); ?>
			<?php submit_button(__('Send again now', 'leadtrail'), 'secondary', 'leadtrail-resend-submit', false); ?>
		</form>
		<?php
	}

	private static function noticeLabel(string $state): string
	{
		return match ($state) {
			'pending', 'sending' => __('Waiting to be sent', 'leadtrail'),
			'digest' => __('Waiting to be sent in a digest of several requests', 'leadtrail'),
			'sent' => __('Sent', 'leadtrail'),
			'failed' => __('Could not be sent (check the site’s e-mail setup)', 'leadtrail'),
			default => __('None (no one to notify)', 'leadtrail'),
		};
	}

	/**
	 * @param list<array{0: string, 1: string}> $rows label (text) and value (escaped HTML)
	 */
	private static function rows(array $rows, string $id): void
	{
		echo '<table class="form-table" role="presentation" id="' . esc_attr($id) . '">';
		foreach ($rows as [$label, $value]) {
			echo '<tr><th scope="row">' . esc_html($label) . '</th><td>' . $value . '</td></tr>'; // phpcs:ignore WordPress.Security.EscapeOutput -- values are escaped where they are built
		}
		echo '</table>';
	}
}
