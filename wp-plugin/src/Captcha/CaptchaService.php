<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

use Closure;
use LeadTrail\Calls\CallRecorder;
use LeadTrail\Calls\CallStore;
use LeadTrail\Calls\Location;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\HitRequest;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Leads\ClientAddress;
use LeadTrail\Leads\RateLimit;
use LeadTrail\Leads\RateLimited;
use LeadTrail\Storage\OptionRows;

/**
 * `POST {rest}captcha` and `GET {rest}captcha/image?key=` (A8; docs/contracts.md,
 * "Captcha"). A new key needs a visitor's identity (token, and a session and hit
 * that fit) and counts against its address's limit, so the table cannot be filled
 * from outside; the answer goes to the leadtrail_captcha_created hook, never out.
 */
final class CaptchaService
{
	/** New captchas per client address in any 10 minutes: far more than a person asks for. */
	public const LIMIT = 60;
	public const UNAVAILABLE = 'The captcha could not be made; try again later.';

	/**
	 * @param Closure(): CaptchaConfig                  $config
	 * @param array<string, mixed>                      $server    $_SERVER: the client's address
	 * @param string                                    $imageUrl  the image route's URL, without the key
	 * @param (Closure(string, string): void)|null      $onCreated gets the key and its answer (the test hook)
	 */
	public function __construct(
		private readonly CallStore $calls,
		private readonly CaptchaStore $captchas,
		private readonly Closure $config,
		private readonly array $server,
		private readonly string $imageUrl,
		private readonly ?Closure $onCreated = null,
	) {
	}

	/** @param (Closure(string, string): void)|null $onCreated */
	public static function forDatabase(\wpdb $wpdb, string $imageUrl, ?Closure $onCreated = null): self
	{
		return new self(
			new CallRecorder($wpdb),
			new CaptchaRecorder($wpdb),
			static fn (): CaptchaConfig => CaptchaConfig::fromOptions(OptionRows::load($wpdb, CaptchaConfig::OPTION_NAMES)),
			$_SERVER,
			$imageUrl,
			$onCreated,
		);
	}

	/** A new key: `{"key": "...", "url": "..."}` (A8's shape, no envelope), or a refusal. */
	public function create(string $method, string $body, int $declaredLength = 0): Answer
	{
		try {
			$fields = JsonBody::fromHttp($method, $body, $declaredLength);
			$visitorId = $fields->positiveInt('visitor_id');
			$sessionId = $fields->positiveInt('session_id');
			$hitId = $fields->positiveInt('hit_id');
			$token = $fields->string('token', HitRequest::MAX_TOKEN);
			if ($token === '') {
				throw Refusal::invalid('token', 'token must not be empty.');
			}

			$config = ($this->config)();
			if (!$config->verifies($visitorId, $token)) {
				throw new Refusal(403, 'invalid_token', 'token', 'token is not valid for this visitor_id.');
			}
			$location = $this->calls->locate($visitorId, $sessionId, $hitId);
			if ($location->mismatch === Location::SESSION) {
				throw new Refusal(403, 'identity_mismatch', 'session_id', 'session_id is not a session of this visitor.');
			}
			if ($location->mismatch === Location::HIT) {
				throw new Refusal(403, 'identity_mismatch', 'hit_id', 'hit_id is not a hit of this session.');
			}

			$now = $config->clock()->now();
			$captcha = $config->captcha();
			$key = Captcha::newKey();
			$answer = $captcha->answer($key);
			$address = ClientAddress::fromServer($this->server, $config->trustedProxies);
			$limit = new RateLimit(self::LIMIT);
			$this->captchas->atomically(function () use ($address, $config, $limit, $now, $key, $answer, $captcha): void {
				if ($address !== null) {
					$bucket = $config->bucket(ClientAddress::bucket($address));
					[$current, $previous] = $this->captchas->countCaptcha($bucket, $limit->windowStart($now), $limit->window);
					$decision = $limit->decide($now, $current, $previous);
					if (!$decision->allowed) {
						throw new RateLimited($decision->retryAfter);
					}
				}
				$this->captchas->addCaptcha(Captcha::keyHash($key), $captcha->answerHash($key, $answer), $now, $now + Captcha::TTL);
			});
			if ($this->onCreated !== null) {
				($this->onCreated)($key, $answer);
			}
			return new Answer(200, ['key' => $key, 'url' => $this->imageUrl($key)]);
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		} catch (RateLimited $limited) {
			$refusal = Answer::refusal(new Refusal(429, 'rate_limited', '', sprintf('Too many captchas; try again in %d seconds.', $limited->retryAfter)));
			return new Answer($refusal->status, $refusal->body, ['Retry-After' => (string) $limited->retryAfter]);
		} catch (StorageUnavailable) {
			return Answer::storageUnavailable(self::UNAVAILABLE);
		}
	}

	/**
	 * The image of a live key.
	 *
	 * @param mixed $key the query's `key` (an array for `key[]=`)
	 * @return array{0: Answer|null, 1: string|null} a refusal, or null and the PNG's bytes
	 */
	public function image(string $method, mixed $key): array
	{
		try {
			if (!in_array(strtoupper($method), ['GET', 'HEAD'], true)) {
				throw new Refusal(405, 'method_not_allowed', 'method', 'Only GET is allowed.');
			}
			$config = ($this->config)();
			if (!Captcha::isKey($key)
				|| !Captcha::isLive($this->captchas->findCaptcha(Captcha::keyHash($key)), $config->clock()->now())) {
				throw new Refusal(404, 'unknown_captcha', 'key', 'This captcha does not exist, has expired or was used; ask for a new one.');
			}
			if (!CaptchaImage::available()) {
				return [Answer::storageUnavailable('The server cannot draw images (PHP GD is missing).'), null];
			}
			return [null, CaptchaImage::png($config->captcha()->answer($key))];
		} catch (Refusal $refusal) {
			return [Answer::refusal($refusal, 'GET'), null];
		} catch (StorageUnavailable) {
			return [Answer::storageUnavailable(self::UNAVAILABLE), null];
		}
	}

	private function imageUrl(string $key): string
	{
		return $this->imageUrl . (str_contains($this->imageUrl, '?') ? '&' : '?') . 'key=' . $key;
	}
}
