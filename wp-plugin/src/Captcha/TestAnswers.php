<?php

declare(strict_types=1);

namespace LeadTrail\Captcha;

use Closure;
use LeadTrail\Identity\Clock;
use LeadTrail\Options;
use LeadTrail\Storage\OptionRows;
use LeadTrail\Storage\Sql;

/**
 * Test mode only: keeps each new captcha's answer in the option
 * `leadtrail_test_captcha_<key>`, so end-to-end tests solve the captcha without
 * reading its picture. Under WordPress the test site's must-use plugin does it
 * on the leadtrail_captcha_created hook; collect.php runs no hooks, so there the
 * switch option `leadtrail_test_captcha_answers` ('1') does it instead.
 */
final class TestAnswers
{
	public const PREFIX = 'leadtrail_test_captcha_';

	/** On only on a test site (LEADTRAIL_TEST_MODE) whose switch option is exactly '1'. */
	public static function isOn(bool $testMode, ?string $switch): bool
	{
		return $testMode && $switch === '1';
	}

	/**
	 * The CaptchaService's $onCreated for collect.php; null (no query at all) off a test site.
	 *
	 * @return (Closure(string, string): void)|null
	 */
	public static function keeper(\wpdb $wpdb): ?Closure
	{
		if (!Clock::testMode()) {
			return null;
		}
		return static function (string $key, string $answer) use ($wpdb): void {
			$switch = OptionRows::load($wpdb, [Options::TEST_CAPTCHA_ANSWERS])[Options::TEST_CAPTCHA_ANSWERS] ?? null;
			if (!self::isOn(true, $switch)) {
				return;
			}
			(new Sql($wpdb))->insert($wpdb->options, ['option_name' => self::PREFIX . $key, 'option_value' => $answer, 'autoload' => 'no']);
		};
	}
}
