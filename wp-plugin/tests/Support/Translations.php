<?php
/**
 * WordPress's __() for the unit tests, which load no WordPress: the text untranslated, as
 * WordPress returns it for a site in English.
 */

declare(strict_types=1);

if (!function_exists('__')) {
	function __(string $text, string $domain = 'default'): string
	{
		return $text;
	}
}
