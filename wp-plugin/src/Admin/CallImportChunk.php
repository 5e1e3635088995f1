<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\PhoneCalls\CallImports;
use LeadTrail\PhoneCalls\CallLogImport;
use LeadTrail\PhoneCalls\CallLogMapping;
use LeadTrail\PhoneCalls\MissedCallNotifier;
use LeadTrail\PhoneCalls\PhoneCallRecorder;
use LeadTrail\PhoneCalls\PhoneCallStore;

/**
 * One chunk of a call-log import (admin-ajax.php, action leadtrail_calls_import_chunk):
 * the import page's script sends chunk after chunk, from the offset the last one
 * answered, and shows the progress and each refused row with its reason.
 */
final class CallImportChunk
{
	public const ACTION = 'leadtrail_calls_import_chunk';

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_send_json_error(['message' => __('Sorry, you are not allowed to import calls.', 'leadtrail')], 403);
		}
		check_ajax_referer(self::ACTION);

		$post = wp_unslash($_POST);
		$id = QueryParam::id($post[CallImportPage::IMPORT] ?? null);
		$import = $id === null ? null : (new CallImports($wpdb))->find($id, get_current_user_id());
		if ($import === null) {
			wp_send_json_error(['message' => __('This call log is no longer here (logs are kept for a day). Upload it again: rows already imported are not imported twice.', 'leadtrail')], 404);
		}
		$log = $import['log'];
		$mapping = CallLogMapping::fromInput($post['map'] ?? null, count($log->firstRow()));
		if ($mapping->missing() !== []) {
			wp_send_json_error(['message' => __('Choose the columns of the called number, the caller, the start time and the status.', 'leadtrail')], 400);
		}
		$offset = isset($post['offset']) && is_string($post['offset']) && ctype_digit($post['offset']) ? (int) $post['offset'] : 0;
		$rows = isset($post['rows']) && is_string($post['rows']) && ctype_digit($post['rows']) ? (int) $post['rows'] : 0;

		$recorder = PhoneCallRecorder::forSite($wpdb);
		$chunk = new CallLogImport(
			$log,
			$mapping,
			($post['header'] ?? '') === '1',
			static fn (array $fields) => $recorder->record($fields, PhoneCallStore::IMPORT)
		);
		try {
			$result = $chunk->chunk($offset, $rows);
		} catch (StorageUnavailable) {
			wp_send_json_error(['message' => __('The database failed; the import stopped. Run it again: rows already imported are not imported twice.', 'leadtrail')], 503);
		}
		if ($result['imported'] > 0) {
			MissedCallNotifier::afterResponse();
		}
		wp_send_json_success($result);
	}
}
