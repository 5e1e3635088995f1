<?php
/**
 * The lean endpoint (docs/contracts.md, "Hit" and "Visitor calls").
 *
 * Every page view posts its hit here, and the visitor calls come here as
 * `?op=<operation>`, so it does not boot the whole stack. It refuses malformed
 * requests before it touches WordPress at all; then, when the site's
 * wp-config.php is plain enough to read without running it, it connects with
 * mysqli (LeanBoot): a hit then sends its statements over mysqli alone, a visitor
 * call loads wpdb and nothing else of WordPress; otherwise it boots WordPress with
 * SHORTINIT (the database and little else). The answer's X-LeadTrail-Boot
 * header says which: "lean" or "shortinit".
 */

declare(strict_types=1);

use LeadTrail\Calls\CallService;
use LeadTrail\Calls\Operation;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\HitRequest;
use LeadTrail\Ingest\HitService;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\JsonResponder;
use LeadTrail\Ingest\LeanBoot;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Ingest\WpLoadLocator;

require __DIR__ . '/autoload.php';

$leadtrail_responder = new JsonResponder();
$leadtrail_responder->guard();

$leadtrail_hit = null;
$leadtrail_call = null;
try {
	// No `op` (or "hit") is the hit; anything else must name a visitor call.
	$leadtrail_op = $_GET['op'] ?? 'hit';
	$leadtrail_operation = $leadtrail_op === 'hit' ? null : Operation::fromQuery($leadtrail_op);

	$leadtrail_method = (string) ($_SERVER['REQUEST_METHOD'] ?? 'GET');
	$leadtrail_length = (int) ($_SERVER['CONTENT_LENGTH'] ?? 0);
	// A body declared too large stays unread; otherwise one byte past the limit is
	// enough to catch a body that did not declare its length.
	$leadtrail_body = $leadtrail_method === 'POST' && $leadtrail_length <= JsonBody::MAX_BYTES
		? (string) file_get_contents('php://input', false, null, 0, JsonBody::MAX_BYTES + 1)
		: '';
	if ($leadtrail_operation === null) {
		$leadtrail_hit = HitRequest::fromHttp($leadtrail_method, $leadtrail_body, $leadtrail_length);
	} else {
		$leadtrail_call = $leadtrail_operation->parse(JsonBody::fromHttp($leadtrail_method, $leadtrail_body, $leadtrail_length));
	}
} catch (Refusal $leadtrail_refusal) {
	$leadtrail_responder->send(Answer::refusal($leadtrail_refusal));
	exit;
}

$leadtrail_wp_load = WpLoadLocator::find(array_values(array_filter([
	dirname((string) ($_SERVER['SCRIPT_FILENAME'] ?? '')),
	__DIR__,
	(string) ($_SERVER['DOCUMENT_ROOT'] ?? ''),
], static fn (string $dir): bool => $dir !== '' && $dir !== '.')));
if ($leadtrail_wp_load === null) {
	$leadtrail_responder->send(Answer::storageUnavailable());
	exit;
}

$leadtrail_lean = LeanBoot::prepare($leadtrail_wp_load);
$leadtrail_service = null;
if ($leadtrail_lean !== null) {
	$leadtrail_responder->bootedWith('lean');
	try {
		if ($leadtrail_hit !== null) {
			// The hit needs no wpdb: its statements go over mysqli in two batches (HitRecorder).
			$leadtrail_service = HitService::forStatements($leadtrail_lean->statements());
		} else {
			$wpdb = $leadtrail_lean->connect();
			// Errors are answered as JSON; wpdb must not print HTML into the body.
			$wpdb->hide_errors();
			$leadtrail_service = CallService::forDatabase($wpdb);
		}
	} catch (StorageUnavailable $leadtrail_error) {
		error_log('LeadTrail collect.php: ' . $leadtrail_error->getMessage());
		$leadtrail_responder->send($leadtrail_call !== null ? Answer::storageUnavailable(CallService::UNAVAILABLE) : Answer::storageUnavailable());
		exit;
	}
} else {
	$leadtrail_responder->bootedWith('shortinit');
	// WordPress must load in the global scope: wp-config.php and wp-settings.php set globals.
	define('SHORTINIT', true);
	require $leadtrail_wp_load;
	// Errors are answered as JSON; wpdb must not print HTML into the body.
	$wpdb->hide_errors();
	$leadtrail_service = $leadtrail_hit !== null ? HitService::forDatabase($wpdb) : CallService::forDatabase($wpdb);
}

try {
	$leadtrail_answer = $leadtrail_service instanceof HitService
		? $leadtrail_service->record($leadtrail_hit)
		: $leadtrail_service->apply($leadtrail_call);
} catch (\Throwable $leadtrail_error) {
	error_log('LeadTrail collect.php: ' . $leadtrail_error->getMessage());
	$leadtrail_answer = $leadtrail_hit !== null ? Answer::storageUnavailable() : Answer::storageUnavailable(CallService::UNAVAILABLE);
}
$leadtrail_responder->send($leadtrail_answer);
