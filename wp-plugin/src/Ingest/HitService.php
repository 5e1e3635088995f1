<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use Closure;
use LeadTrail\Storage\OptionRows;

/**
 * The hit endpoint's logic, shared by collect.php and the REST fallback so both
 * give the same answers.
 */
final class HitService
{
	/**
	 * @param Closure(): IngestConfig $config read only once a request has passed validation,
	 *                                        so malformed requests cost no query
	 */
	public function __construct(
		private readonly HitStore $store,
		private readonly Closure $config,
	) {
	}

	public static function forDatabase(\wpdb $wpdb): self
	{
		return new self(
			new HitRecorder($wpdb),
			static fn (): IngestConfig => IngestConfig::fromOptions(OptionRows::load($wpdb, IngestConfig::OPTION_NAMES)),
		);
	}

	public function handle(string $method, string $body): Answer
	{
		try {
			return $this->record(HitRequest::fromHttp($method, $body));
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		}
	}

	/** Records a request that has passed HitRequest's validation. */
	public function record(HitRequest $hit): Answer
	{
		try {
			$config = ($this->config)();
			$token = $config->tokenFor($hit->siteKey);
			if ($token === null) {
				throw new Refusal(403, 'unknown_site_key', 'site_key', 'site_key is not the key of this site.');
			}
			if ($hit->visitorId !== null && !$token->verify($hit->visitorId, (string) $hit->token)) {
				throw new Refusal(403, 'invalid_token', 'token', 'token is not valid for this visitor_id.');
			}

			$now = $config->clock->now();
			$recorded = $this->store->record(
				$hit,
				$config->sources->detect($hit->url, $hit->referrer),
				$config->sessionRules,
				$now,
			);
			return Answer::success($recorded->result($token));
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		} catch (StorageUnavailable) {
			return Answer::storageUnavailable();
		}
	}
}
