<?php

declare(strict_types=1);

namespace LeadTrail\Ingest;

use LeadTrail\Calls\Operation;

/**
 * The public routes that collect.php serves besides the hit and the visitor
 * calls (docs/contracts.md, "The lean endpoint"), so that each of them answers
 * the contract's 503 when the database is down: WordPress's own REST routes
 * cannot, since WordPress stops before any plugin runs.
 */
enum LeanRoute: string
{
	/** A8: POST, a visitor's identity; the REST route is `{rest}captcha`. */
	case Captcha = 'captcha';
	/** The captcha's PNG: GET `key`; `{rest}captcha/image`. */
	case CaptchaImage = 'captcha_image';
	/** The request form's employee groups: GET; `{rest}groups`. */
	case Groups = 'groups';
	/** The sitephone form's settings: GET; `{rest}callback/settings`. */
	case CallbackSettings = 'callback_settings';
	/** A15: GET `{server}vc/s/`. */
	case Tracker = 'tracker';
	/** A6: POST `{server}api/add_offline_message/`. */
	case OfflineMessage = 'add_offline_message';
	/** A2: GET, whether an operator is available (the chat's status poll). */
	case ChatStatus = 'chat_status';
	/** The visitor's chat: POST, its identity; the poll, and a message to send. */
	case Chat = 'chat';

	/**
	 * The route named by collect.php's `op`; null for the hit (no `op`, or "hit") and for a
	 * visitor call (Operation).
	 *
	 * @param mixed $op the raw query value (a string, or an array for `op[]=`)
	 * @throws Refusal when `op` names nothing collect.php serves
	 */
	public static function fromQuery(mixed $op): ?self
	{
		if ($op === 'hit' || (is_string($op) && Operation::tryFrom($op) !== null)) {
			return null;
		}
		$route = is_string($op) ? self::tryFrom($op) : null;
		if ($route === null) {
			$names = ['hit', ...array_column(Operation::cases(), 'value'), ...array_column(self::cases(), 'value')];
			throw Refusal::invalid('op', 'op must be one of: ' . implode(', ', $names) . '.');
		}
		return $route;
	}

	/** The one method the route serves (GET routes take HEAD too). */
	public function method(): string
	{
		return match ($this) {
			self::Captcha, self::OfflineMessage, self::Chat => 'POST',
			self::CaptchaImage, self::Groups, self::CallbackSettings, self::Tracker, self::ChatStatus => 'GET',
		};
	}

	/**
	 * Refuses any other method before the database is asked anything, so a 405 stays a 405 in an outage.
	 *
	 * @throws Refusal
	 */
	public function checkMethod(string $method): void
	{
		$method = strtoupper($method);
		$allowed = $this->method();
		if ($method !== $allowed && !($allowed === 'GET' && $method === 'HEAD')) {
			throw new Refusal(405, 'method_not_allowed', 'method', 'Only ' . $allowed . ' is allowed.');
		}
	}

	/** The message of this route's 503, as its REST route words it. */
	public function unavailable(): Answer
	{
		return match ($this) {
			self::Captcha, self::CaptchaImage => Answer::storageUnavailable(\LeadTrail\Captcha\CaptchaService::UNAVAILABLE),
			self::Tracker => Answer::storageUnavailable('The visitor information could not be stored; try again later.'),
			self::OfflineMessage => Answer::storageUnavailable(\LeadTrail\Leads\LeadService::UNAVAILABLE),
			self::Groups, self::CallbackSettings => Answer::storageUnavailable('The settings could not be read; try again later.'),
			self::ChatStatus, self::Chat => Answer::storageUnavailable(\LeadTrail\Chat\VisitorChat::UNAVAILABLE),
		};
	}
}
