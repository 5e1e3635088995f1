<?php

declare(strict_types=1);

namespace LeadTrail\Phones;

use LeadTrail\Options;

/**
 * Whether the site has phone numbers, for every front-end page (the veil): an autoloaded
 * option of its own, so that a page view neither reads nor parses the numbers' settings
 * (not autoloaded, up to 200 numbers and their rules) to learn it. It follows the
 * settings whoever writes them: the Phone numbers screen, `wp option`, another plugin.
 */
final class NumbersFlag
{
	public static function boot(): void
	{
		$follow = static function (mixed $value): void {
			self::write(is_string($value) ? $value : '');
		};
		add_action('add_option_' . Options::PHONE_NUMBERS, static fn (string $name, mixed $value) => $follow($value), 10, 2);
		add_action('update_option_' . Options::PHONE_NUMBERS, static fn (mixed $old, mixed $value) => $follow($value), 10, 2);
		add_action('delete_option_' . Options::PHONE_NUMBERS, static fn () => $follow(''));
	}

	public static function isSet(): bool
	{
		$flag = get_option(Options::HAS_PHONE_NUMBERS);
		if ($flag === false) {
			// Numbers saved before the flag existed: derived once.
			$flag = self::write((string) get_option(Options::PHONE_NUMBERS, ''));
		}
		return $flag === '1';
	}

	/** @return '0'|'1' what it wrote */
	private static function write(string $settings): string
	{
		$flag = PhoneSettings::fromJson($settings)->isEmpty() ? '0' : '1';
		update_option(Options::HAS_PHONE_NUMBERS, $flag, true);
		return $flag;
	}
}
