<?php

declare(strict_types=1);

namespace LeadTrail\Chat;

/**
 * The console script's texts, translated on the server and handed to the script
 * as JSON (the script sets them as text, never as HTML).
 */
final class ChatConsoleTexts
{
	/** @return array<string, string> */
	public static function all(): array
	{
		return [
			'available' => __('Available', 'leadtrail'),
			'away' => __('Away', 'leadtrail'),
			'waiting' => __('Waiting', 'leadtrail'),
			'talking' => __('Talking', 'leadtrail'),
			'ended' => __('Ended', 'leadtrail'),
			'noChats' => __('No chats right now.', 'leadtrail'),
			'claim' => __('Take this chat', 'leadtrail'),
			'claimed' => __('Another operator has taken this chat.', 'leadtrail'),
			'send' => __('Send', 'leadtrail'),
			'end' => __('End chat', 'leadtrail'),
			'transfer' => __('Transfer to', 'leadtrail'),
			'message' => __('Your reply', 'leadtrail'),
			'visitor' => __('Visitor', 'leadtrail'),
			'you' => __('You', 'leadtrail'),
			'typing' => __('The visitor is typing…', 'leadtrail'),
			'source' => __('Source', 'leadtrail'),
			'page' => __('Current page', 'leadtrail'),
			'pages' => __('Pages seen', 'leadtrail'),
			'properties' => __('Properties', 'leadtrail'),
			'requests' => __('Earlier requests', 'leadtrail'),
			'contacts' => __('Contacts', 'leadtrail'),
			'sound' => __('Sound for a new chat', 'leadtrail'),
			'notify' => __('Browser notification for a new chat', 'leadtrail'),
			'newChat' => __('A new chat is waiting', 'leadtrail'),
			'failed' => __('The server did not answer; trying again.', 'leadtrail'),
		];
	}
}
