<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Calls\CallRecorder;
use LeadTrail\Calls\VisitorInfoRequest;
use LeadTrail\Identity\Clock;
use LeadTrail\Identity\Token;
use LeadTrail\Ingest\Answer;
use LeadTrail\Ingest\JsonBody;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Leads\EmployeeGroups;
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

	private const OPTIONS = [Options::SECRET, Options::TEST_CLOCK_OFFSET, Options::CHAT_AVAILABLE_UNTIL, Options::CHAT_NO_ANSWER_SECONDS, Options::REQUEST_GROUPS];

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
			if ($request->info !== null) {
				// Stored as Comagic.addVisitorInfo stores them: the token proved the visitor.
				(new CallRecorder($this->wpdb))->addVisitorInfo($request->visitorId, $request->info, VisitorInfoRequest::SOURCE, true, $request->page ?? '', $now);
			}
			if ($request->text !== null) {
				$this->send($store, $request, self::group($request, $options), $now);
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
	private function send(ChatStore $store, VisitorChatRequest $request, int $groupId, int $now): void
	{
		$chatId = $store->openFor($request->visitorId, $groupId, $request->page ?? '', $now);
		if ($store->countSince($chatId, ChatMessage::VISITOR, $now - self::RATE_WINDOW) >= self::RATE_LIMIT) {
			throw new Refusal(429, 'rate_limited', 'text', sprintf('At most %d messages a minute.', self::RATE_LIMIT), self::RATE_WINDOW);
		}
		$store->add($chatId, ChatMessage::VISITOR, 0, (string) $request->text, $request->requestId, $now);
	}

	/**
	 * The group a new chat is for: 0 for none, else one of the settings' employee groups.
	 *
	 * @param array<string, string> $options
	 * @throws Refusal unknown_group
	 */
	private static function group(VisitorChatRequest $request, array $options): int
	{
		if ($request->groupId !== 0 && !EmployeeGroups::fromJson($options[Options::REQUEST_GROUPS] ?? null)->has($request->groupId)) {
			throw new Refusal(400, 'unknown_group', 'group_id', 'group_id is not one of the employee groups defined in the settings.');
		}
		return $request->groupId;
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
		$noAnswer = $chat['status'] === 'waiting' && (int) $chat['created_at'] <= $now - self::wait($options);
		if ($noAnswer && $chat['missed_state'] === MissedChats::NOT_MISSED) {
			// The e-mail goes with the next full WordPress request (collect.php has no wp_mail).
			$store->markMissed((int) $chat['id']);
		}
		return [
			'state' => $chat['status'],
			'operator' => $chat['operator_id'] === null ? null : ['name' => $chat['operator_name'], 'avatar' => $chat['operator_avatar']],
			'typing' => (int) $chat['operator_typing_at'] >= $now - self::TYPING_SECONDS,
			'no_answer' => $noAnswer,
			'messages' => array_map(static fn (ChatMessage $m): array => $m->toArray(), $messages),
		] + $state;
	}

	/**
	 * Seconds a waiting chat waits for an operator before it counts as missed.
	 *
	 * @param array<string, string> $options with CHAT_NO_ANSWER_SECONDS if set
	 */
	public static function wait(array $options): int
	{
		return max(10, (int) ($options[Options::CHAT_NO_ANSWER_SECONDS] ?? self::DEFAULT_NO_ANSWER));
	}
}
