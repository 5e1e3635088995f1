<?php
/**
 * WordPress's translation functions for the unit tests, which load no WordPress: the text
 * untranslated, as WordPress returns it for a site in English, unless a test puts a translation in
 * $GLOBALS['leadtrail_test_catalogue'][domain]["context\4msgid"].
 */

declare(strict_types=1);

if (!function_exists('__')) {
	function __(string $text, string $domain = 'default'): string
	{
		return $text;
	}
}

if (!function_exists('translate_with_gettext_context')) {
	function translate_with_gettext_context(string $text, string $context, string $domain = 'default'): string
	{
		return $GLOBALS['leadtrail_test_catalogue'][$domain][$context . "\4" . $text] ?? $text;
	}
}
