<?php

declare(strict_types=1);

namespace LeadTrail\Admin;

use LeadTrail\Health\VendorEmbedNotice;
use LeadTrail\Phones\PhoneNumbersPage;

/**
 * Every form of wp-admin that posts to admin-post.php (or admin-ajax.php), and its handler,
 * in one map. Each handler checks its own capability and nonce; the closures build it only
 * when its action runs.
 */
final class AdminActions
{
	/** @return array<string, callable(): void> admin-post.php action => handler */
	private static function posts(): array
	{
		return [
			RegenerateSiteKey::ACTION => static fn () => (new RegenerateSiteKey())->handle(),
			RoleSettings::ACTION => static fn () => (new RoleSettings())->handle(),
			VendorEmbedNotice::ACTION => [VendorEmbedNotice::class, 'handle'],
			ExportRequests::ACTION => static fn () => (new ExportRequests())->handle(),
			RequestStatus::ACTION => static fn () => RequestStatus::action()->handle(),
			ResendRequest::ACTION => static fn () => (new ResendRequest())->handle(),
			ExportEvents::ACTION => static fn () => (new ExportEvents())->handle(),
			CallbackQueueStatus::ACTION => static fn () => CallbackQueueStatus::action()->handle(),
			PhoneNumbersPage::ACTION => [PhoneNumbersPage::class, 'save'],
			ExportCalls::ACTION => static fn () => (new ExportCalls())->handle(),
			CallStatus::ACTION => static fn () => CallStatus::action()->handle(),
			RegenerateCallToken::ACTION => static fn () => (new RegenerateCallToken())->handle(),
			CallImportUpload::ACTION => static fn () => (new CallImportUpload())->handle(),
		];
	}

	/** @return array<string, callable(): void> admin-ajax.php action => handler (logged-in users only) */
	private static function ajax(): array
	{
		return [
			CallImportChunk::ACTION => static fn () => (new CallImportChunk())->handle(),
		];
	}

	public static function register(): void
	{
		foreach (self::posts() as $action => $handler) {
			add_action('admin_post_' . $action, $handler);
		}
		foreach (self::ajax() as $action => $handler) {
			add_action('wp_ajax_' . $action, $handler);
		}
	}
}
