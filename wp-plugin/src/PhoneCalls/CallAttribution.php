<?php

declare(strict_types=1);

namespace LeadTrail\PhoneCalls;

/**
 * Whom a call belongs to: the session that held the dynamic (pool) number at the
 * call's start time, the source a static number stands for, or nobody.
 */
final class CallAttribution
{
	public const SESSION = 'session';
	public const STATIC = 'static';
	public const NONE = 'none';
	public const KINDS = [self::SESSION, self::STATIC, self::NONE];

	private const MAX_SOURCE = 191;

	private function __construct(
		public readonly string $kind,
		public readonly int $visitorId,
		public readonly int $sessionId,
		public readonly string $source,
	) {
	}

	/**
	 * The rules, from what the numbers tables say about the called number.
	 *
	 * @param string|null                                                   $numberKind site, static, pool or fallback; null: not one of ours
	 * @param string                                                        $label      the source a static number stands for
	 * @param array{visitor_id: int, session_id: int, source: string}|null  $hold       the pool hold covering the start time, if any
	 */
	public static function decide(?string $numberKind, string $label, ?array $hold): self
	{
		if ($numberKind === 'pool' && $hold !== null && $hold['session_id'] > 0) {
			return new self(self::SESSION, $hold['visitor_id'], $hold['session_id'], self::cut($hold['source']));
		}
		if ($numberKind === 'static' && trim($label) !== '') {
			return new self(self::STATIC, 0, 0, self::cut(trim($label)));
		}
		// The site's own number, a fallback shared by many visits, a pool number nobody held
		// then, or a number we do not know: the call is listed, with no source.
		return self::none();
	}

	public static function none(): self
	{
		return new self(self::NONE, 0, 0, '');
	}

	/** A stored row's attribution, for answering a call sent again. */
	public static function stored(string $kind, int $visitorId, int $sessionId, string $source): self
	{
		return new self(in_array($kind, self::KINDS, true) ? $kind : self::NONE, $visitorId, $sessionId, $source);
	}

	private static function cut(string $source): string
	{
		return function_exists('mb_substr') ? mb_substr($source, 0, self::MAX_SOURCE) : substr($source, 0, self::MAX_SOURCE);
	}
}
