<?php

declare(strict_types=1);

namespace LeadTrail\Front;

/**
 * "Other origins of lead forms" (docs/contracts.md, "Embed code"): the origins besides the page's own
 * whose forms get the runtime's hidden credential fields, as the browser writes an origin
 * (`https://crm.example`, `http://10.0.0.5:8080`: lower case, no default port, no path).
 */
final class FormOrigins
{
	/**
	 * The origins of `$text` (one per line, or separated by spaces or commas; a trailing "/" is
	 * allowed), normalised and without repeats; or the first entry that is no origin.
	 *
	 * @return array{0: list<string>, 1: ?string} [origins, the bad entry or null]
	 */
	public static function parse(string $text): array
	{
		$origins = [];
		foreach (preg_split('/[\s,]+/', trim($text), -1, PREG_SPLIT_NO_EMPTY) ?: [] as $entry) {
			$origin = self::origin($entry);
			if ($origin === null) {
				return [[], $entry];
			}
			$origins[$origin] = true;
		}
		return [array_keys($origins), null];
	}

	/** The `data-origins` value of the runtime's tag: the stored origins, space-separated. */
	public static function attribute(string $stored): string
	{
		return implode(' ', self::parse($stored)[0]);
	}

	private static function origin(string $entry): ?string
	{
		// An ASCII host name (an international one in its xn-- form), an IPv4 or a bracketed IPv6 address.
		if (preg_match('~^(https?)://([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::([0-9]{1,5}))?/?$~i', $entry, $m) !== 1) {
			return null;
		}
		$scheme = strtolower($m[1]);
		// preg_match() leaves out a trailing group that did not match.
		$port = isset($m[3]) ? (int) $m[3] : null;
		if ($port !== null && ($port < 1 || $port > 65535)) {
			return null;
		}
		$default = $scheme === 'https' ? 443 : 80;
		return $scheme . '://' . strtolower($m[2]) . ($port === null || $port === $default ? '' : ':' . $port);
	}
}
