<?php
/**
 * The lean endpoint (docs/contracts.md, "The lean endpoint", "Hit" and "Visitor calls").
 *
 * Every page view posts its hit here, the visitor calls come here as
 * `?op=<operation>`, and so do the other public routes (LeanRoute: the captcha,
 * the groups, the callback settings; the tracker and add_offline_message also
 * through the folders under server/, which is consultant_server_url). It does not
 * boot the whole stack, so it can answer the contract's 503 when the database is
 * down, which WordPress's REST routes cannot. It refuses malformed requests before
 * it touches WordPress at all; then, when the site's wp-config.php is plain enough
 * to read without running it, it connects with mysqli (LeanBoot): a hit then sends
 * its statements over mysqli alone, anything else loads wpdb and nothing else of
 * WordPress; otherwise it boots WordPress with SHORTINIT (the database and little
 * else). The answer's X-LeadTrail-Boot header says which: "lean" or "shortinit".
 */

declare(strict_types=1);

// phpcs:disable WordPress.Security.NonceVerification, WordPress.Security.ValidatedSanitizedInput -- a visitor's request to the lean endpoint, before WordPress (and wp_unslash()) is loaded: no nonce exists for it, and every field is validated by the typed parser of its route (HitRequest, LeanRoute, Operation).
// phpcs:disable WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the only log there is before WordPress loads.


use LeadTrail\Calls\CallService;
use LeadTrail\Calls\Operation;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\HitRequest;
use LeadTrail\Ingest\HitService;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\JsonResponder;
use LeadTrail\Ingest\LeanBoot;
use LeadTrail\Ingest\LeanRoute;
use LeadTrail\Ingest\LeanRoutes;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Ingest\WpLoadLocator;
use LeadTrail\Storage\Tables;

require __DIR__ . '/autoload.php';

// A page cache's advanced-cache.php runs even in the SHORTINIT boot: it must store none of these answers.
define('DONOTCACHEPAGE', true);

$leadtrail_responder = new JsonResponder();
$leadtrail_responder->guard();
LeanBoot::limitWaits();

$leadtrail_hit = null;
$leadtrail_call = null;
$leadtrail_route = null;
try {
	// A folder under server/ names its route; otherwise `op` does: none (or "hit") is the hit.
	$leadtrail_op = defined('LEADTRAIL_LEAN_ROUTE') ? constant('LEADTRAIL_LEAN_ROUTE') : ($_GET['op'] ?? 'hit');
	$leadtrail_route = LeanRoute::fromQuery($leadtrail_op);
	$leadtrail_operation = $leadtrail_route === null && $leadtrail_op !== 'hit' ? Operation::fromQuery($leadtrail_op) : null;

	$leadtrail_method = (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET');
	$leadtrail_length = (int) ($_SERVER['CONTENT_LENGTH'] ?? 0);
	// A body declared too large stays unread; otherwise one byte past the limit is
	// enough to catch a body that did not declare its length.
	$leadtrail_body = $leadtrail_method === 'POST' && $leadtrail_length <= JsonBody::MAX_BYTES
		? (string) file_get_contents('php://input', false, null, 0, JsonBody::MAX_BYTES + 1)
		: '';
	if ($leadtrail_route !== null) {
		$leadtrail_route->checkMethod($leadtrail_method);
	} elseif ($leadtrail_operation === null) {
		$leadtrail_hit = HitRequest::fromHttp($leadtrail_method, $leadtrail_body, $leadtrail_length);
	} else {
		$leadtrail_call = $leadtrail_operation->parse(JsonBody::fromHttp($leadtrail_method, $leadtrail_body, $leadtrail_length));
	}
} catch (Refusal $leadtrail_refusal) {
	$leadtrail_responder->send(Answer::refusal($leadtrail_refusal, $leadtrail_route?->method() ?? 'POST'));
	exit;
}

// The 503 in the words of the route's REST twin, also when WordPress ends the request itself.
$leadtrail_unavailable = match (true) {
	$leadtrail_route !== null => $leadtrail_route->unavailable(),
	$leadtrail_call !== null => Answer::storageUnavailable(CallService::UNAVAILABLE),
	default => Answer::storageUnavailable(),
};
$leadtrail_responder->unanswered($leadtrail_unavailable);

$leadtrail_wp_load = WpLoadLocator::find(array_values(array_filter([
	dirname((string) ($_SERVER['SCRIPT_FILENAME'] ?? '')),
	__DIR__,
	(string) ($_SERVER['DOCUMENT_ROOT'] ?? ''),
], static fn (string $dir): bool => $dir !== '' && $dir !== '.')));
if ($leadtrail_wp_load === null) {
	$leadtrail_responder->send($leadtrail_unavailable);
	exit;
}

$leadtrail_lean = LeanBoot::prepare($leadtrail_wp_load);
$leadtrail_statements = null;
if ($leadtrail_lean !== null) {
	$leadtrail_responder->bootedWith('lean');
	try {
		if ($leadtrail_hit !== null) {
			// The hit needs no wpdb: its statements go over mysqli in two batches (HitRecorder).
			$leadtrail_statements = $leadtrail_lean->statements();
		} else {
			// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- WordPress is not loaded: this lean wpdb is the only one
			$wpdb = $leadtrail_lean->connect();
		}
	} catch (StorageUnavailable $leadtrail_error) {
		error_log('LeadTrail collect.php: ' . $leadtrail_error->getMessage());
		$leadtrail_responder->send($leadtrail_unavailable);
		exit;
	}
} else {
	$leadtrail_responder->bootedWith('shortinit');
	// WordPress must load in the global scope: wp-config.php and wp-settings.php set globals.
	// With the database down it stops itself here; the guard then answers the 503.
	define('SHORTINIT', true);
	require $leadtrail_wp_load;
	// SHORTINIT loads no plugin: the tables' names on $wpdb, as Plugin::boot() sets them.
	Tables::register($wpdb);
}
if ($leadtrail_statements === null) {
	// Errors are answered as JSON; wpdb must not print HTML into the body.
	$wpdb->hide_errors();
}

try {
	if ($leadtrail_route !== null) {
		(new LeanRoutes($wpdb, $leadtrail_responder))->serve(
			$leadtrail_route,
			$leadtrail_method,
			$leadtrail_body,
			$leadtrail_length,
			$_GET,
			$_POST,
			$_SERVER,
		);
		exit;
	}
	if ($leadtrail_hit !== null) {
		$leadtrail_service = $leadtrail_statements !== null ? HitService::forStatements($leadtrail_statements) : HitService::forDatabase($wpdb);
		$leadtrail_answer = $leadtrail_service->record($leadtrail_hit);
	} else {
		$leadtrail_answer = CallService::forDatabase($wpdb)->apply($leadtrail_call);
	}
} catch (\Throwable $leadtrail_error) {
	error_log('LeadTrail collect.php: ' . $leadtrail_error->getMessage());
	$leadtrail_answer = $leadtrail_unavailable;
}
$leadtrail_responder->send($leadtrail_answer);
