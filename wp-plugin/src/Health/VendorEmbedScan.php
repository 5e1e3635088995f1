<?php

declare(strict_types=1);

namespace LeadTrail\Health;

/**
 * Finds the vendor's own embed code in a rendered page: a <script> that sets
 * another site key (setCsAccount / setAccount, through __cs or Comagic), or that
 * loads or names the vendor's script (cs.min.js, a comagic.ru or uiscom.ru host).
 * Our own embed code and runtime are left out.
 */
final class VendorEmbedScan
{
	public const MAX_CODE = 400;
	public const MAX_SNIPPETS = 10;

	private const SCRIPT = '#<script\b([^>]*)>(.*?)</script\s*>#is';
	private const OURS = '#\bid\s*=\s*["\']leadtrail-#i';
	private const ACCOUNT = '#["\']set(?:Cs)?Account["\']\s*,\s*["\']([^"\'\\\\]{0,64})["\']#';
	private const LOADER = '#\bcs\.min\.js\b#i';
	private const HOST = '#\b(?:[a-z0-9-]+\.)*(?:comagic|uiscom)\.ru\b#i';

	/** @return list<VendorSnippet> */
	public static function snippets(string $html, string $ourKey): array
	{
		// Code in HTML comments never runs.
		$html = (string) preg_replace('/<!--.*?-->/s', '', $html);
		if (preg_match_all(self::SCRIPT, $html, $scripts, PREG_SET_ORDER) === false) {
			return [];
		}
		$found = [];
		foreach ($scripts as [$element, $attributes]) {
			$snippet = self::snippet($element, $attributes, $ourKey);
			if ($snippet !== null) {
				$found[] = $snippet;
			}
			if (count($found) === self::MAX_SNIPPETS) {
				break;
			}
		}
		return $found;
	}

	private static function snippet(string $element, string $attributes, string $ourKey): ?VendorSnippet
	{
		if (preg_match(self::OURS, $attributes) === 1) {
			return null;
		}
		$key = preg_match(self::ACCOUNT, $element, $account) === 1 && $account[1] !== $ourKey ? $account[1] : null;
		$loader = preg_match(self::LOADER, $element, $name) === 1 ? $name[0] : null;
		$host = preg_match(self::HOST, $element, $domain) === 1 ? $domain[0] : null;
		$needle = $key ?? $loader ?? $host;
		if ($needle === null || $needle === '') {
			return null;
		}
		return new VendorSnippet(self::cut(trim($element)), $key, $needle);
	}

	private static function cut(string $code): string
	{
		return mb_strlen($code) > self::MAX_CODE ? mb_substr($code, 0, self::MAX_CODE - 1) . '…' : $code;
	}
}
