<?php
/**
 * The online consultant (docs/contracts.md, "Chat"): chats, their messages, the
 * operators' presence, and the operator capability for administrators.
 */

declare(strict_types=1);

use LeadTrail\Chat\OperatorRole;
use LeadTrail\Options;
use LeadTrail\Storage\Tables;

return static function (\wpdb $wpdb): void {
	$charset = $wpdb->get_charset_collate();
	$chats = Tables::name($wpdb, Tables::CHATS);
	$messages = Tables::name($wpdb, Tables::CHAT_MESSAGES);
	$operators = Tables::name($wpdb, Tables::OPERATORS);

	// One open chat per visitor: open_visitor is the visitor's id while the chat is waiting
	// or talking and NULL once it ended, so its unique key lets two tabs that start a chat
	// at once end up in one. operator_id is NULL until an operator claims the chat (one
	// UPDATE ... WHERE operator_id IS NULL). Times are unix seconds.
	dbDelta(
		"CREATE TABLE {$chats} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
visitor_id bigint(20) unsigned NOT NULL,
session_id bigint(20) unsigned NOT NULL DEFAULT 0,
open_visitor bigint(20) unsigned DEFAULT NULL,
status varchar(8) CHARACTER SET ascii NOT NULL DEFAULT 'waiting',
group_id bigint(20) unsigned NOT NULL DEFAULT 0,
operator_id bigint(20) unsigned DEFAULT NULL,
operator_name varchar(250) NOT NULL DEFAULT '',
operator_avatar varchar(2048) NOT NULL DEFAULT '',
page varchar(2048) NOT NULL DEFAULT '',
created_at int(10) unsigned NOT NULL,
updated_at int(10) unsigned NOT NULL,
claimed_at int(10) unsigned NOT NULL DEFAULT 0,
ended_at int(10) unsigned NOT NULL DEFAULT 0,
visitor_typing_at int(10) unsigned NOT NULL DEFAULT 0,
operator_typing_at int(10) unsigned NOT NULL DEFAULT 0,
operator_read_id bigint(20) unsigned NOT NULL DEFAULT 0,
missed_state varchar(8) CHARACTER SET ascii NOT NULL DEFAULT 'none',
PRIMARY KEY  (id),
UNIQUE KEY open_visitor (open_visitor),
KEY visitor_id (visitor_id),
KEY status (status),
KEY updated_at (updated_at)
) {$charset};"
	);

	// request_id makes a message the visitor's page sent twice (a retry) one row.
	dbDelta(
		"CREATE TABLE {$messages} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
chat_id bigint(20) unsigned NOT NULL,
author varchar(8) CHARACTER SET ascii NOT NULL,
user_id bigint(20) unsigned NOT NULL DEFAULT 0,
body text NOT NULL,
request_id varchar(64) CHARACTER SET ascii DEFAULT NULL,
created_at int(10) unsigned NOT NULL,
PRIMARY KEY  (id),
UNIQUE KEY request_id (chat_id,request_id),
KEY chat_id (chat_id,id)
) {$charset};"
	);

	// status: what the operator chose (available or away); seen_until: until when the open
	// console counts (each heartbeat moves it on; closing the console sets it to 0);
	// active_at: the operator's last activity on the console (5 minutes without any is away).
	dbDelta(
		"CREATE TABLE {$operators} (
user_id bigint(20) unsigned NOT NULL,
status varchar(9) CHARACTER SET ascii NOT NULL DEFAULT 'available',
seen_until int(10) unsigned NOT NULL DEFAULT 0,
active_at int(10) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (user_id)
) {$charset};"
	);

	add_option(Options::CHAT_AVAILABLE_UNTIL, '0', '', false);
	OperatorRole::grantToAdministrators();
};
