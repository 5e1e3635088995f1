<?php

declare(strict_types=1);

namespace LeadTrail\I18n;

/**
 * The plugin's own translations in languages/ (built from the .po files by `npm run build`):
 * the .mo for the PHP, and per script a JSON that wp_set_script_translations() hands to wp.i18n.
 * A translation installed by WordPress in wp-content/languages/plugins comes first.
 */
final class Translations
{
	public const DOMAIN = 'leadtrail';

	/** On `init`: the documented moment, before any screen, e-mail or notice asks for a string. */
	public static function load(): void
	{
		load_plugin_textdomain(self::DOMAIN, false, dirname(plugin_basename(LEADTRAIL_FILE)) . '/languages');
	}

	/** The translations of a script registered as $handle that calls @wordpress/i18n. */
	public static function forScript(string $handle): void
	{
		wp_set_script_translations($handle, self::DOMAIN, dirname(LEADTRAIL_FILE) . '/languages');
	}
}
