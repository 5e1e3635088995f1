<?php

declare(strict_types=1);

namespace LeadTrail\Cloud;

use LeadTrail\Integrations\CapturedIdentity;
use LeadTrail\Leads\LeadFields;

/**
 * The form fields of `POST {consultant_server_url}api/add_offline_message/` (A6, F1) for one
 * captured lead: site_key, visitor_id, hit_id, session_id, name, email, phone, text, is_sale,
 * sale_cost and uri; a field not given is left out. The user fields have no field of their own
 * on the server, so they go into `text` (A4: the message carries everything else).
 */
final class ForwardPayload
{
	public const PATH = 'api/add_offline_message/';

	/** @return array<string, string> */
	public static function of(CapturedIdentity $who, LeadFields $fields): array
	{
		$text = $fields->message;
		$extra = [];
		foreach ($fields->userFields as $name => $value) {
			$extra[] = $name . ': ' . $value;
		}
		if ($extra !== []) {
			$text = ($text === null ? '' : $text . "\n\n") . implode("\n", $extra);
		}
		$payload = [
			'site_key' => (string) $who->siteKey,
			'visitor_id' => (string) $who->visitorId,
			'hit_id' => $who->hitId === null ? null : (string) $who->hitId,
			'session_id' => (string) $who->sessionId,
			'name' => $fields->name,
			'email' => $fields->email,
			'phone' => $fields->phone,
			'text' => $text,
			'is_sale' => $fields->isSale ? 'true' : null,
			'sale_cost' => $fields->saleCost,
			'uri' => $who->page,
		];
		return array_filter($payload, static fn (?string $value): bool => $value !== null && $value !== '');
	}

	/** `{consultant_server_url}api/add_offline_message/`: the base keeps its path, ends with "/". */
	public static function target(string $serverUrl): string
	{
		$base = preg_replace('/[?#].*$/s', '', trim($serverUrl)) ?? '';
		return rtrim($base, '/') . '/' . self::PATH;
	}
}
