<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

use LeadTrail\Cloud\CloudSettings;
use LeadTrail\Cloud\ForwardPayload;
use LeadTrail\Cloud\Forwarder;
use LeadTrail\Cloud\Outbox;
use LeadTrail\Identity\Clock;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Leads\LeadFields;
use LeadTrail\Leads\LeadInput;
use LeadTrail\Leads\LeadService;
use LeadTrail\Leads\RateLimited;
use LeadTrail\Leads\Notifier;
use LeadTrail\Options;

/**
 * Turns one captured submission into one request (docs/contracts.md, "Automatic capture"): who
 * sent it (the hidden fields, else the cookies, else no visitor), what it says (FieldMapper with
 * the site's override), recorded through LeadService (its duplicate rule, flood ceilings and notices); in cloud
 * mode queued in the outbox in the same transaction. Never throws and never slows the host form
 * with network calls: any error is logged with error_log() and the form goes on.
 */
final class Capture
{
	private ?MappingOverrides $overrides = null;
	private ?CloudSettings $cloud = null;

	/**
	 * @param array<string, mixed> $post    the request's form fields (unslashed)
	 * @param array<string, mixed> $cookies the request's cookies (unslashed)
	 * @param mixed                $referer the request's Referer header
	 */
	public function __construct(
		private readonly array $post,
		private readonly array $cookies,
		private readonly mixed $referer,
	) {
	}

	public static function forRequest(): self
	{
		// phpcs:ignore WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- a visitor's form: no nonce to check; every field is validated where it is read
		return new self(wp_unslash($_POST), wp_unslash($_COOKIE), wp_unslash($_SERVER['HTTP_REFERER'] ?? null));
	}

	/**
	 * Runs an integration's reading of its hook's arguments and records the result; a throw
	 * anywhere (a broken submission object, the database) is logged, never passed on.
	 *
	 * @param \Closure(): ?Submission          $read
	 * @param (\Closure(RateLimited): void)|null $limited what the integration answers when a flood
	 *                                                    ceiling refused the submission (logged either way)
	 * @return int|null the new request's id
	 */
	public function guard(string $source, \Closure $read, ?\Closure $limited = null): ?int
	{
		try {
			$submission = $read();
			return $submission === null ? null : $this->record($source, $submission);
		} catch (RateLimited $refused) {
			error_log(sprintf('LeadTrail: a %s submission was not recorded: over the flood ceiling of its client address or visitor; try again in %d seconds.', $source, $refused->retryAfter)); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			if ($limited !== null) {
				$limited($refused);
			}
			return null;
		} catch (\Throwable $error) {
			$code = $error instanceof Refusal ? $error->errorCode . ' (' . $error->field . ')' : get_class($error);
			error_log(sprintf('LeadTrail: a %s submission was not recorded: %s: %s', $source, $code, $error->getMessage())); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
			return null;
		}
	}

	/**
	 * @return int|null the new request's id, null for a duplicate
	 * @throws \Throwable
	 */
	private function record(string $source, Submission $submission): ?int
	{
		global $wpdb;
		$cloud = $this->cloud ??= CloudSettings::load();
		$posted = $submission->posted + $this->post;

		if ($cloud->cloud) {
			$who = CapturedIdentity::fromFields($posted);
			if ($who === null || !$cloud->acceptsSiteKey($who->siteKey)) {
				throw new Refusal(400, $who === null ? 'missing_site_key' : 'unknown_site_key', 'site_key', 'Cloud mode needs the vendor\'s hidden fields in the form (the vendor site key and ids).');
			}
			$who = $who->asVendor();
		} else {
			$who = CapturedIdentity::read($posted, $this->cookies, RefererPage::of($this->referer, home_url('/')));
		}

		if ($this->overrides === null) {
			[$this->overrides] = MappingOverrides::parse((string) get_option(Options::CAPTURE_MAPPING, ''));
		}
		$values = FieldMapper::map($submission, $this->overrides->for($source, $submission->formId));
		$fields = LeadFields::read(LeadInput::fromValues($values), 'text');

		$then = null;
		if ($cloud->cloud) {
			$target = ForwardPayload::target((string) $who->serverUrl);
			$payload = ForwardPayload::of($who, $fields);
			$refusal = $who->serverUrl === null ? 'no consultant_server_url in the form' : $cloud->policy->refusal($target);
			$now = Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
			$then = static function (int $id) use ($wpdb, $target, $payload, $refusal, $now): void {
				(new Outbox($wpdb))->add($id, $target, $payload, $refusal, $now);
			};
		}
		$captured = LeadService::forDatabase($wpdb)->capture($who, $fields, $source, $then);
		if ($captured->refusedIdentity !== null) {
			$refused = $captured->refusedIdentity;
			error_log(sprintf('LeadTrail: a %s submission\'s visitor ids were refused (%s (%s)); it was recorded without a visitor.', $source, $refused->errorCode, $refused->field)); // phpcs:ignore WordPress.PHP.DevelopmentFunctions
		}
		$id = $captured->id;
		if ($id !== null) {
			Notifier::afterResponse();
			if ($cloud->cloud) {
				Forwarder::soon();
			}
		}
		return $id;
	}
}
