<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

use LeadTrail\Identity\Clock;
use LeadTrail\Ingest\Refusal;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Options;
use LeadTrail\Routes\PublicRoutes;

/**
 * The operator console's REST routes (docs/contracts.md, "Chat"): every one needs
 * a logged-in user with the operator capability and WordPress's REST nonce (without
 * it WordPress treats the request as logged out: 401; without the capability: 403).
 */
final class OperatorRoutes
{
	private const CHAT = '/chat/chats/(?P<id>\d+)';

	public function register(): void
	{
		$routes = [
			['/chat/presence', 'POST', 'presence'],
			['/chat/chats', 'GET', 'list'],
			[self::CHAT, 'GET', 'show'],
			[self::CHAT . '/claim', 'POST', 'claim'],
			[self::CHAT . '/messages', 'POST', 'send'],
			[self::CHAT . '/typing', 'POST', 'typing'],
			[self::CHAT . '/end', 'POST', 'end'],
			[self::CHAT . '/transfer', 'POST', 'transfer'],
		];
		foreach ($routes as [$route, $method, $handler]) {
			register_rest_route(PublicRoutes::NAMESPACE, $route, [
				'methods' => $method,
				// @phpstan-ignore arguments.count (a handler that needs no request ignores it)
				'callback' => fn (\WP_REST_Request $request): \WP_REST_Response|\WP_Error => $this->answer(fn () => $this->{$handler}($request)),
				'permission_callback' => [self::class, 'allowed'],
			]);
		}
	}

	public static function allowed(): bool
	{
		return current_user_can(OperatorRole::CAPABILITY);
	}

	/** @param callable(): array<string, mixed> $handler */
	private function answer(callable $handler): \WP_REST_Response|\WP_Error
	{
		try {
			$response = new \WP_REST_Response(['success' => true, 'result' => $handler()], 200);
		} catch (Refusal $refusal) {
			return new \WP_Error($refusal->errorCode, $refusal->getMessage(), ['status' => $refusal->status, 'field' => $refusal->field]);
		} catch (StorageUnavailable) {
			return new \WP_Error('storage_unavailable', VisitorChat::UNAVAILABLE, ['status' => 503]);
		}
		$response->header('Cache-Control', 'no-store');
		return $response;
	}

	/** @return array<string, mixed> */
	private function presence(\WP_REST_Request $request): array
	{
		global $wpdb;
		$presence = new Presence($wpdb);
		$status = $request->get_param('status');
		$user = get_current_user_id();
		if ($status === 'closed') {
			$presence->leave($user);
			return ['status' => Presence::AWAY];
		}
		if ($status !== null && $status !== Presence::AVAILABLE && $status !== Presence::AWAY) {
			throw Refusal::invalid('status', 'status must be available, away or closed.');
		}
		$active = filter_var($request->get_param('active') ?? false, FILTER_VALIDATE_BOOLEAN);
		return ['status' => $presence->beat($user, $status, $active, self::now())];
	}

	/** @return array<string, mixed> */
	private function list(): array
	{
		global $wpdb;
		$me = get_current_user_id();
		$store = new ChatStore($wpdb);
		$info = new ChatVisitorInfo($wpdb);
		$groups = OperatorGroups::load();
		$mine = array_filter($store->open(), static fn (array $row): bool => $groups->routes((int) $row['group_id'], $me));
		$chats = array_map(static fn (array $row): array => self::summary($row, $me) + [
			'visitor' => $info->of((int) $row['visitor_id'], (int) $row['session_id']),
			'unread' => (int) $row['unread'],
		], array_values($mine));
		// The console polls this route: a chat nobody took is mailed from here too.
		MissedChatNotifier::afterResponse();
		return ['chats' => $chats, 'status' => (new Presence($wpdb))->statusOf($me, self::now()), 'operators' => self::operators()];
	}

	/** @return array<string, mixed> */
	private function show(\WP_REST_Request $request): array
	{
		global $wpdb;
		$store = new ChatStore($wpdb);
		$chat = $this->chat($store, $request);
		$after = max(0, (int) $request->get_param('after'));
		$messages = $store->messagesAfter((int) $chat['id'], $after);
		$me = get_current_user_id();
		if ($messages !== [] && (int) $chat['operator_id'] === $me) {
			$store->markRead((int) $chat['id'], end($messages)->id);
		}
		return self::summary($chat, $me) + [
			'visitor_typing' => (int) $chat['visitor_typing_at'] >= self::now() - VisitorChat::TYPING_SECONDS,
			'messages' => array_map(static fn (ChatMessage $m): array => $m->toArray(), $messages),
		];
	}

	/** @return array<string, mixed> */
	private function claim(\WP_REST_Request $request): array
	{
		global $wpdb;
		$store = new ChatStore($wpdb);
		$chat = $this->chat($store, $request);
		$user = wp_get_current_user();
		if (!$store->claim((int) $chat['id'], $user->ID, $user->display_name, self::avatar($user->ID), self::now())) {
			throw new Refusal(409, 'already_claimed', 'id', 'Another operator has taken this chat, or it has ended.');
		}
		return ['claimed' => true];
	}

	/** @return array<string, mixed> */
	private function send(\WP_REST_Request $request): array
	{
		global $wpdb;
		$store = new ChatStore($wpdb);
		$chat = $this->mine($store, $request);
		$store->add((int) $chat['id'], ChatMessage::OPERATOR, get_current_user_id(), ChatText::parse($request->get_param('text')), null, self::now());
		return ['sent' => true];
	}

	/** @return array<string, mixed> */
	private function typing(\WP_REST_Request $request): array
	{
		global $wpdb;
		$store = new ChatStore($wpdb);
		$chat = $this->mine($store, $request);
		$store->operatorTyping((int) $chat['id'], get_current_user_id(), self::now());
		return ['typing' => true];
	}

	/** @return array<string, mixed> */
	private function end(\WP_REST_Request $request): array
	{
		global $wpdb;
		$store = new ChatStore($wpdb);
		$chat = $this->mine($store, $request);
		return ['ended' => $store->end((int) $chat['id'], get_current_user_id(), self::now())];
	}

	/** @return array<string, mixed> */
	private function transfer(\WP_REST_Request $request): array
	{
		global $wpdb;
		$store = new ChatStore($wpdb);
		$chat = $this->mine($store, $request);
		$to = (int) $request->get_param('operator_id');
		$target = get_userdata($to);
		if ($target === false || !OperatorRole::can($to)) {
			throw Refusal::invalid('operator_id', 'operator_id must be a user with the operator capability.');
		}
		if (!$store->transfer((int) $chat['id'], get_current_user_id(), $to, $target->display_name, self::avatar($to), self::now())) {
			throw new Refusal(409, 'not_your_chat', 'id', 'This chat is not yours to transfer.');
		}
		return ['transferred' => true];
	}

	/**
	 * @return array<string, string>
	 * @throws Refusal 404 when there is no such chat
	 */
	private function chat(ChatStore $store, \WP_REST_Request $request): array
	{
		$chat = $store->find((int) $request->get_param('id'));
		if ($chat === null) {
			throw new Refusal(404, 'unknown_chat', 'id', 'There is no such chat.');
		}
		$me = get_current_user_id();
		if ((int) $chat['operator_id'] !== $me && !OperatorGroups::load()->routes((int) $chat['group_id'], $me)) {
			throw new Refusal(403, 'other_group', 'id', 'This chat is for an employee group you do not answer for.');
		}
		return $chat;
	}

	/**
	 * The chat, if the current operator is the one talking in it.
	 *
	 * @return array<string, string>
	 * @throws Refusal
	 */
	private function mine(ChatStore $store, \WP_REST_Request $request): array
	{
		$chat = $this->chat($store, $request);
		if ((int) $chat['operator_id'] !== get_current_user_id() || $chat['status'] !== 'talking') {
			throw new Refusal(409, 'not_your_chat', 'id', 'Take the chat first: it is waiting, ended or another operator\'s.');
		}
		return $chat;
	}

	/**
	 * @param array<string, string> $row
	 * @return array<string, mixed>
	 */
	private static function summary(array $row, int $me): array
	{
		$operator = $row['operator_id'] === null ? null : ['id' => (int) $row['operator_id'], 'name' => $row['operator_name']];
		return [
			'id' => (int) $row['id'],
			'status' => $row['status'],
			'visitor_id' => (int) $row['visitor_id'],
			'operator' => $operator,
			'mine' => $operator !== null && $operator['id'] === $me,
			'page' => $row['page'],
			'group_id' => (int) $row['group_id'],
			'created_at' => (int) $row['created_at'],
			'updated_at' => (int) $row['updated_at'],
		];
	}

	/** @return list<array{id: int, name: string}> the users who may take a transferred chat */
	private static function operators(): array
	{
		$users = get_users(['capability' => OperatorRole::CAPABILITY, 'fields' => ['ID', 'display_name'], 'number' => 100]);
		return array_map(static fn (object $u): array => ['id' => (int) $u->ID, 'name' => (string) $u->display_name], $users);
	}

	private static function avatar(int $userId): string
	{
		return (string) get_avatar_url($userId, ['size' => 64]);
	}

	private static function now(): int
	{
		return Clock::withTestOffset(get_option(Options::TEST_CLOCK_OFFSET))->now();
	}
}
