<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * Sends collect.php's answer (JSON, or the captcha's PNG), and guarantees one.
 *
 * WordPress can end the request on its own while loading (no database
 * connection, maintenance mode, a fatal error) with an HTML page and status 500.
 * Everything is buffered, and if the request ends before an answer was sent,
 * a shutdown handler replaces whatever was printed with the contract's 503.
 */
final class JsonResponder
{
	private bool $sent = false;

	/** How collect.php reached the database ("lean" or "shortinit"), sent as X-LeadTrail-Boot; null before it tried. */
	private ?string $boot = null;

	/** What the shutdown handler answers; null: the hit's 503. */
	private ?Answer $unanswered = null;

	public function guard(): void
	{
		ob_start();
		register_shutdown_function(function (): void {
			if (!$this->sent) {
				$this->send($this->unanswered ?? Answer::storageUnavailable());
			}
		});
	}

	/** The 503 the request gets if it ends without an answer (in the words of its route). */
	public function unanswered(Answer $answer): void
	{
		$this->unanswered = $answer;
	}

	public function bootedWith(string $boot): void
	{
		$this->boot = $boot;
	}

	public function send(Answer $answer): void
	{
		$this->start('application/json; charset=utf-8', $answer->status, $answer->headers);
		// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a JSON body (application/json, nosniff), encoded with JSON_HEX_TAG
		echo $answer->json();
	}

	/** The captcha's picture (LeanRoute::CaptchaImage); a HEAD request gets the headers only. */
	public function sendPng(string $png, bool $headOnly): void
	{
		$this->start('image/png', 200, ['Content-Length' => (string) strlen($png)]);
		if (!$headOnly) {
			echo $png; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- image bytes
		}
	}

	/** @param array<string, string> $headers */
	private function start(string $contentType, int $status, array $headers): void
	{
		$this->sent = true;
		while (ob_get_level() > 0) {
			ob_end_clean();
		}
		if (headers_sent()) {
			return;
		}
		header_remove();
		// Not http_response_code(): it leaves a status line that wp_die() set in place.
		header('Content-Type: ' . $contentType, true, $status);
		header('Cache-Control: ' . Answer::NO_CACHE);
		header('X-Content-Type-Options: nosniff');
		if ($this->boot !== null) {
			header('X-LeadTrail-Boot: ' . $this->boot);
		}
		foreach ($headers as $name => $value) {
			header($name . ': ' . $value);
		}
	}
}
