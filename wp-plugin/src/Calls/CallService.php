<?php

declare(strict_types=1);

namespace LeadTrail\Calls;

use Closure;
use LeadTrail\Callbacks\CallbackRequest;
use LeadTrail\Callbacks\CallbackService;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Leads\LeadRequest;
use LeadTrail\Leads\LeadService;
use LeadTrail\Storage\OptionRows;

/**
 * The visitor calls' logic, shared by collect.php and the REST fallback so both
 * give the same answers: token, then identity, then the operation, writes once
 * per request_id.
 */
final class CallService
{
	public const UNAVAILABLE = 'The database is unavailable; try again later.';

	/**
	 * @param Closure(): CallConfig $config read only once a request has passed validation,
	 *                                      so malformed requests cost no query
	 * @param (Closure(): LeadService)|null $leads lead requests, built only when one comes
	 * @param (Closure(): CallbackService)|null $callbacks callback orders, likewise
	 */
	public function __construct(
		private readonly CallStore $store,
		private readonly Closure $config,
		private readonly ?Closure $leads = null,
		private readonly ?Closure $callbacks = null,
	) {
	}

	public static function forDatabase(\wpdb $wpdb): self
	{
		return new self(
			new CallRecorder($wpdb),
			static fn (): CallConfig => CallConfig::fromOptions(OptionRows::load($wpdb, CallConfig::OPTION_NAMES)),
			static fn (): LeadService => LeadService::forDatabase($wpdb),
			static fn (): CallbackService => CallbackService::forDatabase($wpdb),
		);
	}

	public function handle(Operation $operation, string $method, string $body, int $declaredLength = 0): Answer
	{
		try {
			return $this->apply($operation->parse(JsonBody::fromHttp($method, $body, $declaredLength)));
		} catch (Refusal $refusal) {
			// Callback orders answer refusals in A10's shape, with status 3.
			return $operation === Operation::Callback ? CallbackService::refused($refusal) : Answer::refusal($refusal);
		}
	}

	/** Applies a call that has passed validation. */
	public function apply(VisitorCall $call): Answer
	{
		// Lead requests answer A4's shape and have limits of their own: LeadService.
		if ($call instanceof LeadRequest && $this->leads !== null) {
			return ($this->leads)()->apply($call);
		}
		// Callback orders answer A10's shape, with a limit and a captcha: CallbackService.
		if ($call instanceof CallbackRequest && $this->callbacks !== null) {
			return ($this->callbacks)()->apply($call);
		}

		$identity = $call->identity();
		try {
			$config = ($this->config)();
			if (!$config->verifies($identity->visitorId, $identity->token)) {
				throw new Refusal(403, 'invalid_token', 'token', 'token is not valid for this visitor_id.');
			}

			$location = $this->store->locate($identity->visitorId, $identity->sessionId, $identity->hitId);
			if ($location->mismatch === Location::SESSION) {
				throw new Refusal(403, 'identity_mismatch', 'session_id', 'session_id is not a session of this visitor.');
			}
			if ($location->mismatch === Location::HIT) {
				throw new Refusal(403, 'identity_mismatch', 'hit_id', 'hit_id is not a hit of this session.');
			}

			if ($call instanceof ReadCall) {
				return $call->read($this->store);
			}
			if (!$call instanceof WriteCall) {
				throw new \LogicException('A visitor call either reads or writes.');
			}

			$now = $config->clock->now();
			$answer = Answer::done();
			$earlier = $this->store->once(
				$identity->visitorId,
				$identity->requestId,
				$answer->json(),
				$now,
				fn () => $call->apply($this->store, $location, $now),
			);
			return $earlier === null ? $answer : Answer::fromJson($earlier);
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		} catch (StorageUnavailable | \JsonException) {
			return Answer::storageUnavailable(self::UNAVAILABLE);
		}
	}
}
