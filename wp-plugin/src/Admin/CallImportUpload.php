<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\PhoneCalls\CallImports;
use LeadTrail\PhoneCalls\CallLog;

/**
 * The upload of LeadTrail > Calls > Import (admin-post.php): keeps the call log in
 * the database and goes on to its column mapping. Nothing is imported yet.
 */
final class CallImportUpload
{
	public const ACTION = 'leadtrail_calls_import_upload';
	public const FILE = 'leadtrail_call_log';
	public const ERROR = 'upload_error';

	public function handle(): void
	{
		global $wpdb;
		if (!current_user_can(Menu::CAPABILITY)) {
			wp_die(esc_html__('Sorry, you are not allowed to import calls.', 'leadtrail'), '', ['response' => 403]);
		}
		check_admin_referer(self::ACTION);

		$file = $_FILES[self::FILE] ?? null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- checked field by field below
		$problem = self::problem($file);
		if ($problem !== null) {
			self::back([self::ERROR => $problem]);
		}
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- reads PHP's temporary file of the upload
		$content = CallLog::utf8((string) file_get_contents($file['tmp_name']));
		$name = sanitize_file_name(wp_basename((string) $file['name']));
		$id = (new CallImports($wpdb))->add(get_current_user_id(), substr($name, 0, 191), $content);
		if ($id === null) {
			self::back([self::ERROR => 'storage']);
		}
		self::back([CallImportPage::IMPORT => $id]);
	}

	/**
	 * Why the upload cannot be taken, as a code the import page explains; null when it can.
	 *
	 * @param mixed $file one entry of $_FILES
	 */
	public static function problem(mixed $file): ?string
	{
		if (!is_array($file) || !isset($file['error'], $file['tmp_name'], $file['size'], $file['name']) || $file['error'] === UPLOAD_ERR_NO_FILE) {
			return 'none';
		}
		if ($file['error'] === UPLOAD_ERR_INI_SIZE || $file['error'] === UPLOAD_ERR_FORM_SIZE || (int) $file['size'] > CallLog::MAX_BYTES) {
			return 'size';
		}
		if ($file['error'] !== UPLOAD_ERR_OK || !is_uploaded_file((string) $file['tmp_name'])) {
			return 'failed';
		}
		if ((int) $file['size'] === 0) {
			return 'empty';
		}
		if (preg_match('/\.(csv|txt|tsv)$/i', (string) $file['name']) !== 1) {
			return 'type';
		}
		return null;
	}

	/** @param array<string, string|int> $args */
	private static function back(array $args): never
	{
		wp_safe_redirect(CallsPage::importUrl($args));
		exit;
	}
}
