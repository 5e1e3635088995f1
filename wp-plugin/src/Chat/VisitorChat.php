<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Identity\Clock;
use LeadTrail\Identity\Token;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Storage\OptionRows;

/**
 * The visitor's side of the chat on the lean endpoint (docs/contracts.md, "Chat"):
 * `GET {collect}?op=chat_status` (is an operator available) and `POST {collect}?op=chat`
 * (the visitor's poll: its own chat's state and new messages, and optionally a message
 * to send). The chat is found by the token's visitor, never by an id from the page.
 */
final class VisitorChat
{
	public const UNAVAILABLE = 'The chat is unavailable; try again later.';
	/** Messages a visitor may send in RATE_WINDOW seconds. */
	public const RATE_LIMIT = 20;
	public const RATE_WINDOW = 60;
	/** Seconds a typing flag stays on after its last poll. */
	public const TYPING_SECONDS = 4;
	public const DEFAULT_NO_ANSWER = 60;

	private const OPTIONS = [Options::SECRET, Options::TEST_CLOCK_OFFSET, Options::CHAT_AVAILABLE_UNTIL, Options::CHAT_NO_ANSWER_SECONDS];

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	/** `GET {collect}?op=chat_status`: `{"success": true, "result": {"available": <Boolean>}}`. */
	public function status(): Answer
	{
		try {
			$options = OptionRows::load($this->wpdb, [Options::CHAT_AVAILABLE_UNTIL, Options::TEST_CLOCK_OFFSET]);
		} catch (StorageUnavailable) {
			return Answer::storageUnavailable(self::UNAVAILABLE);
		}
		$now = Clock::withTestOffset($options[Options::TEST_CLOCK_OFFSET] ?? null)->now();
		return new Answer(200, ['success' => true, 'result' => ['available' => Presence::anyone($options, $now)]], ['Cache-Control' => 'no-store']);
	}

	/** `POST {collect}?op=chat`. */
	public function poll(string $method, string $body, int $length): Answer
	{
		try {
			return $this->apply(VisitorChatRequest::fromBody(JsonBody::fromHttp($method, $body, $length)));
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		}
	}

	public function apply(VisitorChatRequest $request): Answer
	{
		try {
			$options = OptionRows::load($this->wpdb, self::OPTIONS);
			$secret = $options[Options::SECRET] ?? '';
			if (strlen($secret) < 32 || !(new Token($secret))->verify($request->visitorId, $request->token)) {
				throw new Refusal(403, 'invalid_token', 'token', 'token is not valid for this visitor_id.');
			}
			$now = Clock::withTestOffset($options[Options::TEST_CLOCK_OFFSET] ?? null)->now();
			$store = new ChatStore($this->wpdb);
			if ($request->text !== null) {
				$this->send($store, $request, $now);
			} elseif ($request->typing) {
				$store->visitorTyping($request->visitorId, $now);
			}
			if ($request->page !== null && $request->text === null) {
				$store->visitorPage($request->visitorId, $request->page);
			}
			return Answer::success($this->state($store, $request, $options, $now));
		} catch (Refusal $refusal) {
			return Answer::refusal($refusal);
		} catch (StorageUnavailable) {
			return Answer::storageUnavailable(self::UNAVAILABLE);
		}
	}

	/** @throws Refusal|StorageUnavailable */
	private function send(ChatStore $store, VisitorChatRequest $request, int $now): void
	{
		$chatId = $store->openFor($request->visitorId, 0, $request->page ?? '', $now);
		if ($store->countSince($chatId, ChatMessage::VISITOR, $now - self::RATE_WINDOW) >= self::RATE_LIMIT) {
			throw new Refusal(429, 'rate_limited', 'text', sprintf('At most %d messages a minute.', self::RATE_LIMIT), self::RATE_WINDOW);
		}
		$store->add($chatId, ChatMessage::VISITOR, 0, (string) $request->text, $request->requestId, $now);
	}

	/**
	 * @param array<string, string> $options
	 * @return array<string, mixed>
	 * @throws StorageUnavailable
	 */
	private function state(ChatStore $store, VisitorChatRequest $request, array $options, int $now): array
	{
		$chat = $store->latestOf($request->visitorId);
		$state = [
			'available' => Presence::anyone($options, $now),
			'state' => 'none',
			'operator' => null,
			'typing' => false,
			'no_answer' => false,
			'messages' => [],
		];
		if ($chat === null) {
			return $state;
		}
		$messages = $store->messagesAfter((int) $chat['id'], $request->after);
		$wait = (int) ($options[Options::CHAT_NO_ANSWER_SECONDS] ?? self::DEFAULT_NO_ANSWER);
		return [
			'state' => $chat['status'],
			'operator' => $chat['operator_id'] === null ? null : ['name' => $chat['operator_name'], 'avatar' => $chat['operator_avatar']],
			'typing' => (int) $chat['operator_typing_at'] >= $now - self::TYPING_SECONDS,
			'no_answer' => $chat['status'] === 'waiting' && (int) $chat['created_at'] <= $now - max(10, $wait),
			'messages' => array_map(static fn (ChatMessage $m): array => $m->toArray(), $messages),
		] + $state;
	}
}
