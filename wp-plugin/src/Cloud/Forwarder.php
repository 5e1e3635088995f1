<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

use LeadTrail\Identity\Clock;
use LeadTrail\Options;
use LeadTrail\Support\CronSchedule;

/**
 * Sends the outbox's leads to the vendor (docs/contracts.md, "Outbox"), never inside a visitor's
 * request: from WP-Cron (every minute while rows wait) and from a loopback request to
 * admin-ajax.php that the capturing request starts without waiting for it. Each row is claimed
 * before it is sent, checked against the host policy with DNS, posted without redirects, and
 * marked delivered only on the vendor's `{"success": true}`.
 */
final class Forwarder
{
	public const HOOK = 'leadtrail_forward_outbox';
	public const SCHEDULE = 'leadtrail_minute';
	public const AJAX_ACTION = 'leadtrail_forward';
	public const BATCH = 20;

	public function __construct(
		private readonly Outbox $outbox,
		private readonly CloudSettings $settings,
		private readonly Clock $clock,
	) {
	}

	public static function forSite(): self
	{
		global $wpdb;
		return new self(new Outbox($wpdb), CloudSettings::load(), Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET)));
	}

	/**
	 * @param array<string, array{interval: int, display: string}> $schedules
	 * @return array<string, array{interval: int, display: string}>
	 */
	public static function schedules(array $schedules): array
	{
		return CronSchedule::add($schedules, self::SCHEDULE, MINUTE_IN_SECONDS, static fn (): string => __('Every minute (LeadTrail forwarding)', 'leadtrail'));
	}

	public static function ensureScheduled(): void
	{
		CronSchedule::ensure(self::HOOK, self::SCHEDULE);
	}

	public static function unschedule(): void
	{
		wp_clear_scheduled_hook(self::HOOK);
	}

	/** The key of the loopback trigger: only this site can start a run that way. */
	public static function triggerKey(): string
	{
		return hash_hmac('sha256', 'forward', 'leadtrail-forward|' . (string) get_option(Options::SECRET, ''));
	}

	/**
	 * Once this request is done, starts a run in another request without waiting for it
	 * (a non-blocking loopback, as WordPress's own spawn_cron()).
	 */
	public static function soon(): void
	{
		static $hooked = false;
		if ($hooked) {
			return;
		}
		$hooked = true;
		self::ensureScheduled();
		add_action('shutdown', static function (): void {
			wp_remote_post(admin_url('admin-ajax.php'), [
				'blocking' => false,
				'timeout' => 0.01,
				'body' => ['action' => self::AJAX_ACTION, 'key' => self::triggerKey()],
				// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress's own filter
				'sslverify' => apply_filters('https_local_ssl_verify', false),
			]);
		});
	}

	/** admin-ajax.php?action=leadtrail_forward: the loopback trigger. */
	public static function ajax(): void
	{
		// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the trigger is checked by its own secret key with hash_equals()
		$key = isset($_POST['key']) && is_string($_POST['key']) ? wp_unslash($_POST['key']) : '';
		if (!hash_equals(self::triggerKey(), $key)) {
			wp_send_json(['success' => false], 403);
		}
		$sent = self::forSite()->run(self::BATCH);
		wp_send_json(['success' => true, 'result' => $sent]);
	}

	/** @return int how many rows were attempted */
	public function run(int $limit): int
	{
		$tried = 0;
		foreach ($this->outbox->due($this->clock->now(), $limit) as $id) {
			$row = $this->outbox->claim($id, $this->clock->now());
			if ($row === null) {
				continue;
			}
			$tried++;
			$result = $this->send((string) $row['target'], (string) $row['payload']);
			$this->outbox->finish($id, (string) $row['claim_token'], Delivery::after($result, (int) $row['attempts'], $this->clock->now()), $this->clock->now());
		}
		return $tried;
	}

	public function send(string $target, string $payloadJson): SendResult
	{
		$policy = $this->settings->policy;
		$test = $policy->isTestOrigin($target);
		$pinned = [];
		$refusal = $policy->refusal($target, $test ? null : static function (string $host) use (&$pinned): array {
			$pinned = self::resolve($host);
			return $pinned;
		});
		if ($refusal !== null) {
			return SendResult::blocked('Not sent: ' . $refusal);
		}
		$payload = json_decode($payloadJson, true);
		if (!is_array($payload)) {
			return SendResult::blocked('Not sent: the stored fields are not readable');
		}

		// Connect to the address that was checked, not to a second DNS answer (DNS rebinding).
		$pin = static function ($handle, array $args, string $url) use ($target, $pinned): void {
			$host = (string) parse_url($target, PHP_URL_HOST);
			if ($url === $target && $pinned !== [] && defined('CURLOPT_RESOLVE')) {
				// phpcs:ignore WordPress.WP.AlternativeFunctions.curl_curl_setopt -- pins the checked address on WordPress's own cURL handle (http_api_curl)
				curl_setopt($handle, CURLOPT_RESOLVE, [$host . ':443:' . (str_contains($pinned[0], ':') ? '[' . $pinned[0] . ']' : $pinned[0])]);
			}
		};
		add_action('http_api_curl', $pin, 10, 3);
		try {
			$response = wp_remote_post($target, [
				'timeout' => $this->settings->timeout,
				'redirection' => 0,
				'reject_unsafe_urls' => !$test,
				'headers' => ['Content-Type' => 'application/x-www-form-urlencoded; charset=UTF-8'],
				'body' => http_build_query($payload, '', '&', PHP_QUERY_RFC1738),
				'user-agent' => 'LeadTrail/' . (defined('LEADTRAIL_VERSION') ? LEADTRAIL_VERSION : '0'),
			]);
		} finally {
			remove_action('http_api_curl', $pin, 10);
		}

		if (is_wp_error($response)) {
			$message = $response->get_error_message();
			return stripos($message, 'timed out') !== false || stripos($message, 'timeout') !== false
				? SendResult::timedOut('Timed out; the vendor may have received it: ' . substr($message, 0, 300))
				: SendResult::failed(substr($message, 0, 400));
		}
		return SendResult::fromAnswer((int) wp_remote_retrieve_response_code($response), (string) wp_remote_retrieve_body($response));
	}

	/** @return list<string> the host's A and AAAA addresses */
	private static function resolve(string $host): array
	{
		$addresses = [];
		$records = @dns_get_record($host, DNS_A | DNS_AAAA);
		foreach (is_array($records) ? $records : [] as $record) {
			if (isset($record['ip'])) {
				$addresses[] = (string) $record['ip'];
			} elseif (isset($record['ipv6'])) {
				$addresses[] = (string) $record['ipv6'];
			}
		}
		if ($addresses === []) {
			$v4 = gethostbynamel($host);
			$addresses = is_array($v4) ? $v4 : [];
		}
		return array_values(array_unique($addresses));
	}
}
