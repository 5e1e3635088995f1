<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use Closure;

/**
 * The admin-post.php action that sets one row's status (a request, a call, a callback order): the
 * capability, that row's own nonce, a status from a fixed list, then back where the user came from,
 * where notice() says what changed.
 */
final class StatusAction
{
	/**
	 * @param string $param the row id's field
	 * @param string $done the field that carries the new status back to the page, for its notice
	 * @param list<string> $statuses
	 * @param Closure(\wpdb, int, string): bool $apply sets the status; false when the row does not exist
	 * @param Closure(int): string $fallback where to go back to when the browser sent no referrer
	 * @param array{forbidden: string, missing: string, choose: string} $refusals the handler's errors
	 * @param Closure(string): string $changed the notice for the new status
	 */
	public function __construct(
		public readonly string $action,
		public readonly string $param,
		private readonly string $done,
		private readonly array $statuses,
		private readonly Closure $apply,
		private readonly Closure $fallback,
		private readonly array $refusals,
		private readonly Closure $changed,
	) {
	}

	public function nonceAction(int $id): string
	{
		return $this->action . '_' . $id;
	}

	/** A link that sets the status (a form may post the same fields with wp_nonce_field()). */
	public function url(int $id, string $status): string
	{
		return wp_nonce_url(
			add_query_arg(['action' => $this->action, $this->param => $id, 'status' => $status], admin_url('admin-post.php')),
			$this->nonceAction($id)
		);
	}

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html($this->refusals['forbidden']), '', ['response' => 403]);
		}
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- QueryParam::id() reads an id or nothing
		$id = QueryParam::id(isset($_REQUEST[$this->param]) ? wp_unslash($_REQUEST[$this->param]) : null);
		if ($id === null) {
			wp_die(esc_html($this->refusals['missing']), '', ['response' => 404]);
		}
		check_admin_referer($this->nonceAction($id));

		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- compared with the fixed list below
		$status = isset($_REQUEST['status']) && is_string($_REQUEST['status']) ? wp_unslash($_REQUEST['status']) : '';
		if (!in_array($status, $this->statuses, true)) {
			wp_die(esc_html($this->refusals['choose']), '', ['response' => 400]);
		}
		if (!($this->apply)($wpdb, $id, $status)) {
			wp_die(esc_html($this->refusals['missing']), '', ['response' => 404]);
		}

		// Back where the action came from (a list keeps its filters).
		$back = wp_get_referer();
		$back = $back === false ? ($this->fallback)($id) : $back;
		wp_safe_redirect(add_query_arg($this->done, $status, remove_query_arg($this->done, $back)));
		exit;
	}

	/** The notice after a change, on the page the handler sent the user back to. */
	public function notice(): void
	{
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the notice after our own redirect, compared with the fixed list
		$status = isset($_GET[$this->done]) && is_string($_GET[$this->done]) ? wp_unslash($_GET[$this->done]) : null;
		if (!in_array($status, $this->statuses, true)) {
			return;
		}
		printf('<div class="notice notice-success is-dismissible"><p>%s</p></div>', esc_html(($this->changed)($status)));
	}
}
