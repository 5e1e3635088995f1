<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

/**
 * Sends collect.php's JSON answer, and guarantees one.
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

	public function guard(): void
	{
		ob_start();
		register_shutdown_function(function (): void {
			if (!$this->sent) {
				$this->send(Answer::storageUnavailable());
			}
		});
	}

	public function bootedWith(string $boot): void
	{
		$this->boot = $boot;
	}

	public function send(Answer $answer): void
	{
		$this->sent = true;
		while (ob_get_level() > 0) {
			ob_end_clean();
		}
		if (!headers_sent()) {
			header_remove();
			// Not http_response_code(): it leaves a status line that wp_die() set in place.
			header('Content-Type: application/json; charset=utf-8', true, $answer->status);
			header('Cache-Control: no-store');
			header('X-Content-Type-Options: nosniff');
			if ($this->boot !== null) {
				header('X-LeadTrail-Boot: ' . $this->boot);
			}
			foreach ($answer->headers as $name => $value) {
				header($name . ': ' . $value);
			}
		}
		echo $answer->json();
	}
}
