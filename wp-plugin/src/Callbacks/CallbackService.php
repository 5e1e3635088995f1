<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

use Closure;
use LeadTrail\Calls\CallRecorder;
use LeadTrail\Calls\CallStore;
use LeadTrail\Calls\Location;
use LeadTrail\Captcha\Captcha;
use LeadTrail\Captcha\CaptchaRecorder;
use LeadTrail\Captcha\CaptchaStore;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Leads\ClientAddress;
use LeadTrail\Storage\OptionRows;

/**
 * Applies sitePhoneCall (A10; docs/contracts.md, "sitePhoneCall"): the fields,
 * then the group, the token and the ids (refusals with status 3); then, once per
 * request_id and in one transaction, the scenario switch (2), the captcha, right
 * or left out (1), the per-site limit (4), and the order (0).
 */
final class CallbackService
{
	/**
	 * @param Closure(): CallbackConfig $config read only once a call has passed the identity's checks
	 * @param array<string, mixed>      $server $_SERVER: the client's address for its share of the limit
	 */
	public function __construct(
		private readonly CallStore $calls,
		private readonly CallbackStore $callbacks,
		private readonly CaptchaStore $captchas,
		private readonly Closure $config,
		private readonly array $server = [],
	) {
	}

	public static function forDatabase(\wpdb $wpdb): self
	{
		return new self(
			new CallRecorder($wpdb),
			new CallbackRecorder($wpdb),
			new CaptchaRecorder($wpdb),
			static fn (): CallbackConfig => CallbackConfig::fromOptions(OptionRows::load($wpdb, CallbackConfig::OPTION_NAMES)),
			$_SERVER,
		);
	}

	/**
	 * A10's answer: `{"success": <status is 0>, "result": {"status": <int>, "code": <string>}}`,
	 * and the `field` to blame when there is one.
	 */
	public static function status(int $status, ?string $field = null): Answer
	{
		$result = ['status' => $status, 'code' => CallbackStatus::CODES[$status]];
		if ($field !== null) {
			$result['field'] = $field;
		}
		return new Answer(200, ['success' => $status === CallbackStatus::OK, 'result' => $result]);
	}

	/** A refusal in A10's shape: the usual envelope, with status 3 first. */
	public static function refused(Refusal $refusal): Answer
	{
		$plain = Answer::refusal($refusal);
		$body = $plain->body;
		$body['result'] = ['status' => CallbackStatus::PLATFORM_ERROR] + $body['result'];
		return new Answer($plain->status, $body, $plain->headers);
	}

	/** The database failed: 503, status 3; nothing was kept, so a retry applies the call. */
	public static function platformError(): Answer
	{
		$answer = self::status(CallbackStatus::PLATFORM_ERROR);
		return new Answer(503, $answer->body, ['Retry-After' => '60']);
	}

	public function apply(CallbackRequest $call): Answer
	{
		if ($call->refusal !== null || $call->input === null) {
			return self::refused($call->refusal ?? new Refusal(400, 'invalid_json', 'body', 'The body must be a JSON object.'));
		}
		$identity = $call->identity();
		try {
			$config = ($this->config)();
			$now = $config->clock()->now();
			$fields = CallbackFields::read($call->input, $now);
			if ($fields->groupId !== null && !$config->groups->has($fields->groupId)) {
				throw new Refusal(400, 'unknown_group', 'group_id', 'group_id is not one of the employee groups defined in the settings.');
			}
			if (!$config->verifies($identity->visitorId, $identity->token)) {
				throw new Refusal(403, 'invalid_token', 'token', 'token is not valid for this visitor_id.');
			}
			$location = $this->calls->locate($identity->visitorId, $identity->sessionId, $identity->hitId);
			if ($location->mismatch === Location::SESSION) {
				throw new Refusal(403, 'identity_mismatch', 'session_id', 'session_id is not a session of this visitor.');
			}
			if ($location->mismatch === Location::HIT) {
				throw new Refusal(403, 'identity_mismatch', 'hit_id', 'hit_id is not a hit of this session.');
			}

			$address = ClientAddress::fromServer($this->server, $config->trustedProxies);
			$order = new NewCallback(
				$identity->visitorId,
				$identity->sessionId,
				$identity->hitId,
				$location->pageUrl,
				$fields,
				$now,
				$config->clock()->milliseconds(),
				$address === null ? null : $config->addressBucket($address),
			);
			$answer = self::status(CallbackStatus::PLATFORM_ERROR);
			$earlier = $this->callbacks->once(
				$identity->visitorId,
				$identity->requestId,
				$now,
				function () use ($config, $order, $now, &$answer): string {
					$answer = $this->decide($config, $order, $now);
					return $answer->json();
				},
			);
			return $earlier === null ? $answer : Answer::fromJson($earlier);
		} catch (Refusal $refusal) {
			return self::refused($refusal);
		} catch (StorageUnavailable | \JsonException | \UnexpectedValueException) {
			return self::platformError();
		}
	}

	/**
	 * Inside the transaction: 2, then 1, then 4, else the order is written and 0. A captcha left
	 * out is a wrong one (1, naming the field): status 3 is kept for our own failures.
	 */
	private function decide(CallbackConfig $config, NewCallback $order, int $now): Answer
	{
		if (!$config->enabled) {
			return self::status(CallbackStatus::NO_SCENARIO);
		}
		if ($config->captchaOn) {
			$key = (string) $order->fields->captchaKey;
			// The first call that names a key uses it up, right, wrong or without an answer.
			$row = Captcha::isKey($key) ? $this->captchas->takeCaptcha(Captcha::keyHash($key)) : null;
			if (!$config->captcha()->accepts($row, $key, $order->fields->captchaValue, $now)) {
				return self::status(CallbackStatus::WRONG_CAPTCHA, $order->fields->missingCaptcha());
			}
		}
		$accepted = $this->callbacks->lockAndCount(CallbackLimit::since($order->acceptedMs), $order->visitorId, $order->clientBucket);
		if (!CallbackLimit::allows($accepted)) {
			return self::status(CallbackStatus::LIMIT_EXCEEDED);
		}
		$this->callbacks->addCallback($order);
		return self::status(CallbackStatus::OK);
	}
}
