<?php

declare(strict_types=1);

namespace LeadTrail\Callbacks;

/**
 * A10's statuses and the codes the contract gives them; and the queue's statuses.
 */
final class CallbackStatus
{
	public const OK = 0;
	public const WRONG_CAPTCHA = 1;
	public const NO_SCENARIO = 2;
	public const PLATFORM_ERROR = 3;
	public const LIMIT_EXCEEDED = 4;

	public const CODES = [
		self::OK => 'ok',
		self::WRONG_CAPTCHA => 'wrong_captcha',
		self::NO_SCENARIO => 'no_scenario',
		self::PLATFORM_ERROR => 'platform_error',
		self::LIMIT_EXCEEDED => 'limit_exceeded',
	];

	/** The statuses of an order in the queue (LeadTrail > Callbacks). */
	public const QUEUE = ['new', 'called', 'no_answer', 'done'];
}
