<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

use LeadTrail\Ingest\StorageUnavailable;

/**
 * POST /wp-json/leadtrail/v1/calls: a telephony provider reports a call
 * (docs/contracts.md, "Calls"). The secret token is its permission; refusals
 * are WordPress REST errors ({code, message, data: {status, field}}).
 */
final class CallWebhook
{
	public const NAMESPACE = 'leadtrail/v1';
	public const ROUTE = '/calls';
	/** Wrong tokens one client address may send in 10 minutes before every try is refused. */
	public const FAILED_LIMIT = 20;
	/** Calls one client address may report in 10 minutes: a busy call centre's day fits in an hour. */
	public const CALL_LIMIT = 6000;

	public function register(): void
	{
		register_rest_route(self::NAMESPACE, self::ROUTE, [
			'methods' => 'POST',
			'callback' => [$this, 'handle'],
			'permission_callback' => [$this, 'permit'],
		]);
		add_filter('rest_request_before_callbacks', [$this, 'answerBadJsonOurselves'], 10, 3);
	}

	/**
	 * WordPress refuses a malformed JSON body before the permission check; here the token
	 * is checked first, then handle() names the body.
	 *
	 * @param array<string, mixed> $handler
	 */
	public function answerBadJsonOurselves(mixed $response, array $handler, \WP_REST_Request $request): mixed
	{
		if ($response instanceof \WP_Error && $response->get_error_code() === 'rest_invalid_json'
			&& $request->get_route() === '/' . self::NAMESPACE . self::ROUTE) {
			return null;
		}
		return $response;
	}

	public function permit(\WP_REST_Request $request): bool|\WP_Error
	{
		$json = self::jsonBody($request);
		$given = CallToken::given($request->get_header('authorization'), is_array($json) ? ($json['token'] ?? null) : $request->get_param('token'));
		try {
			if ($this->overLimit('calls-token', self::FAILED_LIMIT, false)) {
				return self::error('leadtrail_calls_rate_limited', __('Too many wrong tokens from this address; try again later.', 'leadtrail'), 429, '');
			}
			if ($given === null) {
				$this->overLimit('calls-token', self::FAILED_LIMIT, true);
				return self::error('leadtrail_calls_token_missing', __('Send the calls token as "Authorization: Bearer <token>" or a token field.', 'leadtrail'), 401, 'token');
			}
			if (!CallToken::matches((string) get_option(CallOptions::TOKEN, ''), $given)) {
				$this->overLimit('calls-token', self::FAILED_LIMIT, true);
				return self::error('leadtrail_calls_token_wrong', __('The calls token is wrong. It is shown under LeadTrail > Settings > Calls.', 'leadtrail'), 403, 'token');
			}
		} catch (StorageUnavailable) {
			return self::error('storage_unavailable', __('The call could not be stored; send it again later.', 'leadtrail'), 503, '');
		}
		return true;
	}

	public function handle(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
	{
		global $wpdb;
		$json = self::jsonBody($request);
		if ($json === false) {
			return self::error('leadtrail_calls_invalid', __('body: not valid JSON.', 'leadtrail'), 400, 'body');
		}
		$fields = is_array($json) ? $json : $request->get_params();
		try {
			if ($this->overLimit('calls-accepted', self::CALL_LIMIT, true)) {
				return self::error('leadtrail_calls_rate_limited', __('Too many calls from this address; try again later.', 'leadtrail'), 429, '');
			}
			$recorded = PhoneCallRecorder::forSite($wpdb)->record($fields, PhoneCallStore::WEBHOOK);
		} catch (InvalidCallField $invalid) {
			return self::error('leadtrail_calls_invalid', $invalid->getMessage(), 400, $invalid->field);
		} catch (StorageUnavailable) {
			return self::unavailable();
		}
		if ($recorded->isNew) {
			MissedCallNotifier::afterResponse();
		}
		$response = new \WP_REST_Response([
			'id' => $recorded->id,
			'recorded' => $recorded->isNew,
			'duplicate' => !$recorded->isNew,
			'attribution' => $recorded->attribution->kind,
			'visitor_id' => $recorded->attribution->visitorId,
			'session_id' => $recorded->attribution->sessionId,
			'source' => $recorded->attribution->source,
		], $recorded->isNew ? 201 : 200);
		$response->header('Cache-Control', 'no-store');
		return $response;
	}

	/**
	 * The JSON object of a JSON request; null when the request is not JSON (form fields);
	 * false when it claims JSON and is not a JSON object.
	 *
	 * @return array<string, mixed>|false|null
	 */
	private static function jsonBody(\WP_REST_Request $request): array|false|null
	{
		if (!$request->is_json_content_type()) {
			return null;
		}
		$body = trim($request->get_body());
		if ($body === '') {
			return [];
		}
		try {
			$json = json_decode($body, true, 8, JSON_THROW_ON_ERROR);
		} catch (\JsonException) {
			return false;
		}
		return is_array($json) && !array_is_list($json) ? $json : false;
	}

	/** @throws StorageUnavailable */
	private function overLimit(string $kind, int $limit, bool $count): bool
	{
		global $wpdb;
		return (new CallRateLimit($wpdb))->over($kind, $limit, $count);
	}

	private static function error(string $code, string $message, int $status, string $field): \WP_Error
	{
		return new \WP_Error($code, $message, ['status' => $status, 'field' => $field]);
	}

	/** A 503 with Retry-After, as the other public endpoints answer a database that is down. */
	private static function unavailable(): \WP_REST_Response
	{
		$response = new \WP_REST_Response([
			'code' => 'storage_unavailable',
			'message' => __('The call could not be stored; send it again later.', 'leadtrail'),
			'data' => ['status' => 503, 'field' => ''],
		], 503);
		$response->header('Retry-After', '60');
		return $response;
	}
}
