<?php

declare(strict_types=1);

namespace LeadTrail\I18n;

/**
 * The front-end widgets' texts in the site's language. The widgets' bundle carries English and
 * Russian and loads no wp.i18n; their English strings are in the catalogues with the context
 * `widget`, so a site translated to any language (a .po of its own, translate.wordpress.org, a
 * translation plugin) hands the widgets its translations: the runtime's tag gets, in `data-texts`,
 * those that differ from what the bundle would show. A Russian or English site gets none.
 */
final class WidgetTexts
{
	/**
	 * Per dictionary, key => [English, bundled Russian]; made by the build (scripts/translations.mjs).
	 *
	 * @return array<string, array<string, array{0: string, 1: string}>>
	 */
	public static function dictionaries(): array
	{
		$file = dirname(LEADTRAIL_FILE) . '/build/widget-texts.php';
		if (!is_readable($file)) {
			return [];
		}
		/** @var array<string, array<string, array{0: string, 1: string}>> */
		return require $file;
	}

	/** Whether the bundle shows its Russian for $locale: the widgets' own rule for `<html lang>` (ru, ru_RU, not rue). */
	public static function bundlesRussian(string $locale): bool
	{
		return preg_match('/^ru(?![a-z])/i', $locale) === 1;
	}

	/**
	 * The translations that differ from the bundle's texts, per dictionary and key; a string the
	 * catalogue does not translate is left to the bundle.
	 *
	 * @param array<string, array<string, array{0: string, 1: string}>> $dictionaries
	 * @return array<string, array<string, string>>
	 */
	public static function overrides(array $dictionaries, bool $russian): array
	{
		$overrides = [];
		foreach ($dictionaries as $name => $texts) {
			foreach ($texts as $key => [$english, $bundled]) {
				// The msgids come from the widgets' dictionaries, which the .pot holds with the context `widget`.
				// phpcs:ignore WordPress.WP.I18n.LowLevelTranslationFunction, WordPress.WP.I18n.NonSingularStringLiteralText
				$translated = translate_with_gettext_context($english, 'widget', 'leadtrail');
				// Untranslated (a partial catalogue): the bundle's text stays.
				if ($translated !== $english && $translated !== ($russian ? $bundled : $english)) {
					$overrides[$name][$key] = $translated;
				}
			}
		}
		return $overrides;
	}

	/** The `data-texts` value for this request's language, '' when the bundle's texts are already right. */
	public static function attribute(): string
	{
		$overrides = self::overrides(self::dictionaries(), self::bundlesRussian(determine_locale()));
		return $overrides === [] ? '' : (string) wp_json_encode($overrides, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
	}
}
