<?php

declare(strict_types=1);

namespace LeadTrail\Integrations;

use LeadTrail\Leads\ServerLeadRequest;

/**
 * The page a form was sent from, for a lead with no hidden fields: the request's Referer when it
 * is a page of this site. The browser (or anyone) writes that header, so it is only stored as
 * text, never used to find a visitor.
 */
final class RefererPage
{
	/** @param mixed $referer $_SERVER['HTTP_REFERER'] */
	public static function of(mixed $referer, string $home): ?string
	{
		if (!is_string($referer) || strlen($referer) > ServerLeadRequest::MAX_PAGE
			|| preg_match('/^[\x21-\x7E]+$/D', $referer) !== 1) {
			return null;
		}
		$page = parse_url($referer);
		$site = parse_url($home);
		if (!is_array($page) || !is_array($site) || !in_array($page['scheme'] ?? '', ['http', 'https'], true)) {
			return null;
		}
		$host = static fn (array $url): string => strtolower(($url['host'] ?? '') . ':' . ($url['port'] ?? ''));
		return $host($page) !== ':' && $host($page) === $host($site) ? $referer : null;
	}
}
