<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Storage\Statements;
use LeadTrail\Storage\WpdbStatements;

/**
 * The hit endpoint's logic, shared by collect.php and the REST fallback so both
 * give the same answers.
 */
final class HitService
{
	public function __construct(private readonly HitStore $store, private readonly HitClient $client)
	{
	}

	/** For the request being served: its client is read from $_SERVER. */
	public static function forDatabase(\wpdb $wpdb): self
	{
		return new self(new HitRecorder(new WpdbStatements($wpdb)), HitClient::fromServer($_SERVER));
	}

	/** For collect.php's lean boot, which reaches the database without wpdb. */
	public static function forStatements(Statements $db): self
	{
		return new self(new HitRecorder($db), HitClient::fromServer($_SERVER));
	}

	public function handle(string $method, string $body, int $declaredLength = 0): Answer
	{
		try {
			return $this->record(HitRequest::fromHttp($method, $body, $declaredLength));
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		}
	}

	/**
	 * Records a request that has passed HitRequest's validation. The store reads the
	 * options only then, so malformed requests and robots cost no query.
	 */
	public function record(HitRequest $hit): Answer
	{
		if ($this->client->isRobot()) {
			return Answer::refusal(new Refusal(403, 'robot_user_agent', 'user_agent', 'Crawlers and headless browsers are not counted as visitors.'));
		}
		try {
			$token = null;
			$config = null;
			$recorded = $this->store->record($hit, $this->client, static function (array $options) use ($hit, &$token, &$config): IngestConfig {
				$config = IngestConfig::fromOptions($options);
				$token = $config->tokenFor($hit->siteKey);
				if ($token === null) {
					throw new Refusal(403, 'unknown_site_key', 'site_key', 'site_key is not the key of this site.');
				}
				if ($hit->visitorId !== null && !$token->verify($hit->visitorId, (string) $hit->token)) {
					throw new Refusal(403, 'invalid_token', 'token', 'token is not valid for this visitor_id.');
				}
				return $config;
			});
			$result = $recorded->result($token);
			// Only while an operator is available, so the answer of other sites stays as it was.
			if ($config !== null && $config->chatUntil > $config->clock->now()) {
				$result['chat'] = true;
			}
			return Answer::success($result);
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		} catch (StorageUnavailable) {
			return Answer::storageUnavailable();
		}
	}
}
