<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Captcha\CaptchaService;
use LeadTrail\Captcha\TestAnswers;
use LeadTrail\Chat\VisitorChat;
use LeadTrail\Leads\LeadService;
use LeadTrail\Options;
use LeadTrail\Routes\CallbackSettingsRoute;
use LeadTrail\Routes\GroupsRoute;
use LeadTrail\Storage\OptionRows;
use LeadTrail\Tracker\TrackerService;

/**
 * Answers collect.php's LeanRoute routes with the services their REST routes
 * use, on the lean endpoint's database connection: same validators, same
 * answers. What needs the rest of WordPress is left to the REST routes: no
 * hooks run here (the e-mail notice sent at the end of the request: the
 * notices' cron job sends those; the captcha's test hook: TestAnswers stands in).
 */
final class LeanRoutes
{
	public function __construct(private readonly \wpdb $wpdb, private readonly JsonResponder $responder)
	{
	}

	/**
	 * @param array<string, mixed>     $query  the query parameters (unslashed, as PHP parsed them)
	 * @param array<string|int, mixed> $form   the body's form fields (unslashed, as PHP parsed them)
	 * @param array<string, mixed>     $server $_SERVER
	 */
	public function serve(LeanRoute $route, string $method, string $body, int $length, array $query, array $form, array $server): void
	{
		if ($route === LeanRoute::CaptchaImage) {
			[$refusal, $png] = $this->captchas($server)->image($method, $query['key'] ?? null);
			if ($refusal !== null || $png === null) {
				$this->responder->send($refusal ?? $route->unavailable());
				return;
			}
			$this->responder->sendPng($png, strtoupper($method) === 'HEAD');
			return;
		}
		$this->responder->send(match ($route) {
			LeanRoute::Captcha => $this->captchas($server)->create($method, $body, $length),
			LeanRoute::Groups => self::cacheable(GroupsRoute::answer($method, $this->option(Options::REQUEST_GROUPS, '[]'))),
			LeanRoute::CallbackSettings => CallbackSettingsRoute::answer(
				$method,
				$this->option(Options::CALLBACK_CAPTCHA, '1'),
				$this->option(Options::PHONE_MASK, ''),
			),
			LeanRoute::Tracker => TrackerService::forDatabase($this->wpdb)->handle($method, $query),
			LeanRoute::OfflineMessage => LeadService::forDatabase($this->wpdb)->handleServer(
				$method,
				(string) ($server['CONTENT_TYPE'] ?? $server['HTTP_CONTENT_TYPE'] ?? ''),
				$body,
				$form,
				$length,
			),
			LeanRoute::ChatStatus => (new VisitorChat($this->wpdb))->status(),
			LeanRoute::Chat => (new VisitorChat($this->wpdb))->poll($method, $body, $length),
		});
	}

	/** As the REST route: the groups may be cached for a minute. */
	private static function cacheable(Answer $answer): Answer
	{
		return $answer->status === 200
			? new Answer(200, $answer->body, ['Cache-Control' => 'public, max-age=' . GroupsRoute::MAX_AGE] + $answer->headers)
			: $answer;
	}

	/** @throws StorageUnavailable */
	private function option(string $name, string $default): string
	{
		return OptionRows::load($this->wpdb, [$name])[$name] ?? $default;
	}

	/** @param array<string, mixed> $server */
	private function captchas(array $server): CaptchaService
	{
		return CaptchaService::forDatabase($this->wpdb, self::ownUrl($server, LeanRoute::CaptchaImage), TestAnswers::keeper($this->wpdb));
	}

	/**
	 * This endpoint's URL as the client reached it, with `op` set to $route: the captcha's
	 * picture is served here too. Path only when the Host header is not a plain host name.
	 *
	 * @param array<string, mixed> $server
	 */
	public static function ownUrl(array $server, LeanRoute $route): string
	{
		$path = (string) parse_url((string) ($server['REQUEST_URI'] ?? ''), PHP_URL_PATH);
		$url = ($path === '' ? (string) ($server['SCRIPT_NAME'] ?? '') : $path) . '?op=' . $route->value;
		$host = (string) ($server['HTTP_HOST'] ?? '');
		if (preg_match('/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/', $host) !== 1) {
			return $url;
		}
		// As WordPress's is_ssl().
		$https = in_array(strtolower((string) ($server['HTTPS'] ?? '')), ['on', '1'], true) || (string) ($server['SERVER_PORT'] ?? '') === '443';
		return ($https ? 'https://' : 'http://') . $host . $url;
	}
}
