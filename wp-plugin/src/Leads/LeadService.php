<?php

declare(strict_types=1);

namespace LeadTrail\Leads;

use Closure;
use LeadTrail\Calls\CallIdentity;
use LeadTrail\Calls\CallRecorder;
use LeadTrail\Calls\CallStore;
use LeadTrail\Calls\Location;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Integrations\CapturedIdentity;
use LeadTrail\Integrations\RefererPage;
use LeadTrail\Storage\OptionRows;

/**
 * Records lead requests (docs/contracts.md, "Lead requests"): from the page
 * (addOfflineRequest, A4: a visitor call with token and request_id) and from
 * the site's server (add_offline_message, A6: the site key and ids that fit
 * together). Both pass the same field rules, honeypot, rate limit and duplicate
 * rule, and a lead is written in one transaction or not at all. The honeypot
 * comes first, and the server endpoint, which takes no token, answers alike
 * whatever the ids: neither may tell anyone which visitors exist.
 */
final class LeadService
{
	public const UNAVAILABLE = 'The request could not be stored; try again later.';

	/**
	 * @param Closure(): LeadConfig $config read only once a request has passed validation
	 * @param array<string, mixed>  $server $_SERVER: the browser's address for op=request's rate limit
	 */
	public function __construct(
		private readonly CallStore $calls,
		private readonly LeadStore $leads,
		private readonly Closure $config,
		private readonly array $server,
	) {
	}

	public static function forDatabase(\wpdb $wpdb): self
	{
		return new self(
			new CallRecorder($wpdb),
			new LeadRecorder($wpdb),
			static fn (): LeadConfig => LeadConfig::fromOptions(OptionRows::load($wpdb, LeadConfig::OPTION_NAMES)),
			$_SERVER,
		);
	}

	/** A4's answer: `{"success": true, "result": null}`. */
	public static function accepted(): Answer
	{
		return new Answer(200, ['success' => true, 'result' => null]);
	}

	/** addOfflineRequest (A4): a request that has passed LeadRequest's validation. */
	public function apply(LeadRequest $call): Answer
	{
		$identity = $call->identity();
		$fields = $call->fields;
		if ($fields->honeypot) {
			return self::accepted();
		}
		try {
			$config = ($this->config)();
			self::checkGroup($config, $fields);
			$withVisitor = !NoVisitor::is($identity->visitorId);
			$page = $withVisitor ? $this->checkedPage($config, $identity) : $this->refererPage();

			$now = $config->clock()->now();
			$lead = $this->lead($config, $identity->visitorId, $identity->sessionId, $identity->hitId, $page, $fields, LeadRequest::SOURCE, $now, $withVisitor);
			$buckets = $this->addressBuckets($config, false);
			if ($withVisitor) {
				array_unshift($buckets, $config->visitorBucket($identity->visitorId));
			}
			$answer = self::accepted();
			$earlier = $this->calls->once(
				$identity->visitorId,
				$identity->requestId,
				$answer->json(),
				$now,
				fn () => $this->record($buckets, $lead, $now),
			);
			return $earlier === null ? $answer : Answer::fromJson($earlier);
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		} catch (RateLimited $limited) {
			return self::limited($limited);
		} catch (StorageUnavailable | \JsonException) {
			return Answer::storageUnavailable(self::UNAVAILABLE);
		}
	}

	/**
	 * The page of a lead with a visitor: the page of its hit, once token and ids check out.
	 *
	 * @throws Refusal|StorageUnavailable
	 */
	private function checkedPage(LeadConfig $config, CallIdentity $identity): string
	{
		if (!$config->verifies($identity->visitorId, $identity->token)) {
			throw new Refusal(403, 'invalid_token', 'token', 'token is not valid for this visitor_id.');
		}
		$location = $this->calls->locate($identity->visitorId, $identity->sessionId, $identity->hitId);
		self::checkLocation($location);
		return $location->pageUrl;
	}

	/**
	 * The page of a lead the runtime sent without a visitor: the Referer of its request (the page
	 * that sent it) when it is of the host that was asked, else "". Only stored as text.
	 */
	private function refererPage(): string
	{
		$host = $this->server['HTTP_HOST'] ?? null;
		return is_string($host) ? (RefererPage::of($this->server['HTTP_REFERER'] ?? null, 'http://' . $host . '/') ?? '') : '';
	}

	/**
	 * `POST {server}api/add_offline_message/` (A6, F1).
	 *
	 * @param array<string|int, mixed> $formFields the body's form fields (unslashed)
	 */
	public function handleServer(string $method, string $contentType, string $body, array $formFields, int $declaredLength = 0): Answer
	{
		try {
			$request = ServerLeadRequest::fromHttp($method, $contentType, $body, $formFields, $declaredLength);
			if ($request->fields->honeypot) {
				return Answer::done();
			}
			$config = ($this->config)();
			if (!$config->acceptsSiteKey($request->siteKey)) {
				throw new Refusal(403, 'unknown_site_key', $request->siteKeyField, $request->siteKeyField . ' is not the key of this site.');
			}
			self::checkGroup($config, $request->fields);
			// Ids that do not fit: the lead is kept with no visitor (never lost, never attributed).
			$location = $this->calls->locate($request->visitorId, $request->sessionId, $request->hitId);
			$fits = $location->mismatch === null;

			$now = $config->clock()->now();
			$lead = $this->lead(
				$config,
				$fits ? $request->visitorId : 0,
				$fits ? $request->sessionId : 0,
				$fits ? $request->hitId ?? 0 : 0,
				$request->page ?? $location->pageUrl,
				$request->fields,
				ServerLeadRequest::SOURCE,
				$now,
				false,
			);
			// The site's own server forwards every visitor's leads from its own address: only
			// another caller (anyone with the public site key) is counted per address too.
			$buckets = [$config->visitorBucket($request->visitorId), ...$this->addressBuckets($config, true)];
			$this->leads->atomically(fn () => $this->record($buckets, $lead, $now));
			return Answer::done();
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		} catch (RateLimited $limited) {
			return self::limited($limited);
		} catch (StorageUnavailable) {
			return Answer::storageUnavailable(self::UNAVAILABLE);
		}
	}

	/**
	 * A submission captured on this server from a form plugin's hook (docs/contracts.md,
	 * "Automatic capture"). The identity came from the form's hidden fields (site key and ids that
	 * fit together, as for A6) or from the visitor's cookies (comagic_id and the signed token); in
	 * cloud mode the ids are the vendor's and were checked against its site key by the caller.
	 * Without an identity, or with one that does not check out (a forged token, another site's
	 * key, ids that do not fit), the lead is recorded with no visitor: a lead is never lost, and
	 * nothing is attributed to a visitor that was not proven.
	 * The same duplicate rule and flood ceilings apply (per client address, and per visitor when
	 * the ids are proven); no honeypot: the host form has passed its own spam checks.
	 *
	 * @param (Closure(int): void)|null $then runs inside the lead's transaction with the new row's id
	 * @throws Refusal|StorageUnavailable|RateLimited
	 */
	public function capture(CapturedIdentity $who, LeadFields $fields, string $source, ?Closure $then = null): CapturedLead
	{
		$config = ($this->config)();
		self::checkGroup($config, $fields);
		$refused = null;
		try {
			$hitPage = $this->attribute($config, $who);
		} catch (Refusal $refusal) {
			$refused = $refusal;
			$who = $who->withoutVisitor();
			$hitPage = '';
		}
		$byToken = $who->token !== null && $config->verifies($who->visitorId, $who->token);

		$now = $config->clock()->now();
		$lead = $this->lead($config, $who->visitorId, $who->sessionId, $who->hitId ?? 0, $who->page ?? $hitPage, $fields, $source, $now, $byToken);
		// A visitor's count only for ids proven here; the vendor's (cloud mode) are not ours to count.
		$buckets = $this->addressBuckets($config, false);
		if ($who->visitorId > 0 && $who->via !== CapturedIdentity::VIA_VENDOR) {
			array_unshift($buckets, $config->visitorBucket($who->visitorId));
		}
		$id = null;
		$this->leads->atomically(function () use ($buckets, $lead, $now, $then, &$id): void {
			$id = $this->record($buckets, $lead, $now);
			if ($id !== null && $then !== null) {
				$then($id);
			}
		});
		return new CapturedLead($id, $refused);
	}

	/**
	 * Checks a captured identity as its kind requires.
	 *
	 * @return string the page of the identity's hit, "" without one
	 * @throws Refusal when the ids are not proven to be this site's visitor's
	 */
	private function attribute(LeadConfig $config, CapturedIdentity $who): string
	{
		if ($who->via === CapturedIdentity::VIA_NONE || $who->via === CapturedIdentity::VIA_VENDOR) {
			return '';
		}
		if ($who->via === CapturedIdentity::VIA_FIELDS && !$config->acceptsSiteKey((string) $who->siteKey)) {
			throw new Refusal(403, 'unknown_site_key', 'site_key', 'site_key is not the key of this site.');
		}
		if ($who->via === CapturedIdentity::VIA_COOKIE && !$config->verifies($who->visitorId, (string) $who->token)) {
			throw new Refusal(403, 'invalid_token', 'token', 'The visitor cookie is not signed for this visitor_id.');
		}
		$location = $this->calls->locate($who->visitorId, $who->sessionId, $who->hitId);
		self::checkLocation($location);
		return $location->pageUrl;
	}

	/**
	 * The client address's bucket, none when the server gives no address (a cron run, the CLI)
	 * and, for $exceptOwn, none when the caller is this server itself.
	 *
	 * @return list<RateLimitBucket>
	 */
	private function addressBuckets(LeadConfig $config, bool $exceptOwn): array
	{
		$address = ClientAddress::fromServer($this->server, $config->trustedProxies);
		if ($address === null || ($exceptOwn && ClientAddress::isOwn($address, $this->server))) {
			return [];
		}
		return [$config->addressBucket($address)];
	}

	/**
	 * Inside the transaction: the rate counts, the duplicate claim, the row. Over a
	 * ceiling it throws, and the transaction takes its own counts back with it. The
	 * counts' rows are locked in the same order (visitor, then address) by every lead,
	 * so concurrent leads wait for each other instead of deadlocking.
	 *
	 * @param list<RateLimitBucket> $buckets
	 * @return int|null the new row's id, null for a duplicate
	 */
	private function record(array $buckets, NewLead $lead, int $now): ?int
	{
		$retryAfter = 0;
		foreach ($buckets as $bucket) {
			$limit = $bucket->limit;
			[$current, $previous] = $this->leads->countRequest($bucket->key, $limit->windowStart($now), $limit->window);
			$decision = $limit->decide($now, $current, $previous);
			$retryAfter = max($retryAfter, $decision->retryAfter);
		}
		if ($retryAfter > 0) {
			throw new RateLimited($retryAfter);
		}
		if (!$this->leads->claimFingerprint($lead->fingerprint, $now, Fingerprint::WINDOW)) {
			return null;
		}
		return $this->leads->addLead($lead);
	}

	private function lead(
		LeadConfig $config,
		int $visitorId,
		int $sessionId,
		int $hitId,
		string $pageUrl,
		LeadFields $fields,
		string $source,
		int $now,
		bool $byToken,
	): NewLead {
		return new NewLead(
			$visitorId,
			$sessionId,
			$hitId,
			$pageUrl,
			$fields,
			$source,
			Fingerprint::of($visitorId, $fields),
			$now,
			$config->notifies($fields->groupId) ? NewLead::NOTIFY_PENDING : NewLead::NOTIFY_NONE,
			$byToken,
		);
	}

	private static function checkGroup(LeadConfig $config, LeadFields $fields): void
	{
		if ($fields->groupId !== null && !$config->groups->has($fields->groupId)) {
			throw new Refusal(400, 'unknown_group', 'group_id', 'group_id is not one of the employee groups defined in the settings.');
		}
	}

	private static function checkLocation(Location $location): void
	{
		if ($location->mismatch === Location::SESSION) {
			throw new Refusal(403, 'identity_mismatch', 'session_id', 'session_id is not a session of this visitor.');
		}
		if ($location->mismatch === Location::HIT) {
			throw new Refusal(403, 'identity_mismatch', 'hit_id', 'hit_id is not a hit of this session.');
		}
	}

	private static function limited(RateLimited $limited): Answer
	{
		$refusal = Answer::refusal(new Refusal(
			429,
			'rate_limited',
			'',
			sprintf('Too many requests; try again in %d seconds.', $limited->retryAfter),
		));
		return new Answer($refusal->status, $refusal->body, ['Retry-After' => (string) $limited->retryAfter]);
	}
}
