<?php

declare(strict_types=1);

namespace LeadTrail\Tracker;

use Closure;
use LeadTrail\Calls\CallRecorder;
use LeadTrail\Calls\CallStore;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Storage\OptionRows;

/**
 * `GET {server}vc/s/` (A15): records a visitor's name, phone and e-mail for a
 * server that has no browser, hence no token: the site key, and a session that
 * must be the visitor's, stand for it. Repeating a request changes nothing more
 * (the name is overwritten with itself, each contact is kept once).
 *
 * Without the token, what it writes is marked so: it never replaces a name the
 * visitor gave with its token, and never links the visitor to an address for the
 * privacy tools. Ids that do not fit are answered as ids that do, with nothing
 * written: the answer must not tell anyone which visitors exist.
 */
final class TrackerService
{
	public const SOURCE = 'tracker';

	/** @param Closure(): TrackerConfig $config read only once the query has passed validation */
	public function __construct(
		private readonly CallStore $store,
		private readonly Closure $config,
	) {
	}

	public static function forDatabase(\wpdb $wpdb): self
	{
		return new self(
			new CallRecorder($wpdb),
			static fn (): TrackerConfig => TrackerConfig::fromOptions(OptionRows::load($wpdb, TrackerConfig::OPTION_NAMES)),
		);
	}

	/** @param array<string, mixed> $query the unslashed query parameters */
	public function handle(string $method, array $query): Answer
	{
		try {
			$request = TrackerRequest::fromHttp($method, $query);
			$config = ($this->config)();
			if (!$config->accepts($request->siteKey)) {
				throw new Refusal(403, 'unknown_site_key', $request->siteKeyField, $request->siteKeyField . ' is not the key of this site.');
			}

			$location = $this->store->locate($request->visitorId, $request->sessionId, $request->hitId);
			if ($location->mismatch === null) {
				$this->store->atomically(fn () => $this->store->addVisitorInfo(
					$request->visitorId,
					$request->info,
					self::SOURCE,
					false,
					$request->page ?? $location->pageUrl,
					$config->clock->now(),
				));
			}

			return $request->short
				? Answer::done()
				: Answer::success(['visitor_id' => $request->visitorId, 'session_id' => $request->sessionId]);
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal, 'GET');
		} catch (StorageUnavailable) {
			return Answer::storageUnavailable('The visitor information could not be stored; try again later.');
		}
	}
}
