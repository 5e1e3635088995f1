<?php

declare(strict_types=1);

namespace LeadTrail\Routes;

use LeadTrail\Callbacks\CallbackConfig;
use LeadTrail\Callbacks\PhoneMask;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Options;

/**
 * GET /wp-json/leadtrail/v1/callback/settings (docs/contracts.md, "openSitePhonePanel"):
 * whether the sitephone form shows a captcha, and the default phone mask.
 */
final class CallbackSettingsRoute
{
	public const ROUTE = '/callback/settings';

	public function register(PublicRoutes $routes): void
	{
		$routes->add(self::ROUTE, [$this, 'respond'], 'GET');
	}

	public function respond(\WP_REST_Request $request): \WP_REST_Response
	{
		return PublicRoutes::response(self::answer(
			$request->get_method(),
			get_option(Options::CALLBACK_CAPTCHA, '1'),
			get_option(Options::PHONE_MASK, '')
		));
	}

	public static function answer(string $method, mixed $captchaOption, mixed $maskOption): Answer
	{
		if (!in_array(strtoupper($method), ['GET', 'HEAD'], true)) {
			return Answer::refusal(new Refusal(405, 'method_not_allowed', 'method', 'Only GET is allowed.'), 'GET');
		}
		return Answer::success([
			'captcha' => CallbackConfig::flag($captchaOption),
			'mask' => PhoneMask::parse($maskOption) ?? '',
		]);
	}
}
