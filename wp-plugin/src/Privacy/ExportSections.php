<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use LeadTrail\Admin\AdminTime;
use LeadTrail\Admin\DeliveryLabel;
use LeadTrail\Contacts\Contact;
use LeadTrail\Storage\Tables;

/**
 * What a person's export holds, section by section: the visitor, then what it told (contacts,
 * requests, callback orders, calls, the tracking numbers shown to it, properties), then what it did (events, sessions, page views), the
 * largest sections last. A contact or request that holds the address but links no visitor (given
 * without the visitor's token) is shown without the visitor and page it names: they may be
 * someone else's.
 */
final class ExportSections
{
	/** @return array<string, ExportSection> keyed by section, in export order */
	public static function all(\wpdb $wpdb): array
	{
		$table = static fn (string $name): string => Tables::name($wpdb, $name);
		$byVisitor = static fn (string $column): \Closure => static fn (Person $person): array => $person->visitors($column);
		$visitorId = __('Visitor ID', 'leadtrail');
		$time = __('Time', 'leadtrail');
		$page = __('Page', 'leadtrail');

		return [
			'visitors' => new ExportSection(
				'leadtrail-visitors',
				__('LeadTrail: visitors', 'leadtrail'),
				__('The anonymous visitor numbers this site gave the browsers from which this person visited.', 'leadtrail'),
				'leadtrail-visitor',
				"{$table(Tables::VISITORS)} v",
				'v.id, v.created_at, v.last_seen_at, v.name, v.name_verified',
				$byVisitor('v.id'),
				[
					'id' => $visitorId, 'created_at' => __('First seen', 'leadtrail'), 'last_seen_at' => __('Last seen', 'leadtrail'), 'name' => __('Name', 'leadtrail'),
					'name_verified' => __('Name given', 'leadtrail'),
				],
				static fn (array $row, Person $person): array => [
					'name_verified' => $row['name'] === null ? null : self::given($row['name_verified']),
				] + self::localTimes('created_at', 'last_seen_at')($row),
			),
			'contacts' => new ExportSection(
				'leadtrail-contacts',
				__('LeadTrail: contacts', 'leadtrail'),
				__('Phone numbers and e-mail addresses given on this site.', 'leadtrail'),
				'leadtrail-contact',
				"{$table(Tables::CONTACTS)} c",
				'c.id, c.visitor_id, c.kind, c.value, c.page_url, c.created_at, c.verified',
				static fn (Person $person): array => $person->contacts('c'),
				[
					'visitor_id' => $visitorId, 'kind' => __('Kind', 'leadtrail'), 'value' => __('Value', 'leadtrail'), 'page_url' => $page, 'created_at' => $time,
					'verified' => __('Given', 'leadtrail'),
				],
				static fn (array $row, Person $person): array => [
					'kind' => $row['kind'] === Contact::EMAIL ? __('E-mail', 'leadtrail') : __('Phone', 'leadtrail'),
					'verified' => self::given($row['verified']),
				] + self::ofVisitor($row, $person) + self::localTimes('created_at')($row),
			),
			'requests' => new ExportSection(
				'leadtrail-requests',
				__('LeadTrail: requests', 'leadtrail'),
				__('Requests (leads) sent from this site\'s forms.', 'leadtrail'),
				'leadtrail-request',
				"{$table(Tables::REQUESTS)} r LEFT JOIN {$table(Tables::OUTBOX)} o ON o.request_id = r.id",
				'r.id, r.visitor_id, r.created_at, r.page_url, r.name, r.email, r.phone, r.message, r.form_name, r.source, r.user_fields, r.status, r.verified, o.state, o.next_try_at',
				static fn (Person $person): array => $person->requests('r'),
				[
					'visitor_id' => $visitorId, 'created_at' => $time, 'page_url' => $page, 'name' => __('Name', 'leadtrail'),
					'email' => __('E-mail', 'leadtrail'), 'phone' => __('Phone', 'leadtrail'), 'message' => __('Message', 'leadtrail'),
					'form_name' => __('Form', 'leadtrail'), 'source' => __('Source', 'leadtrail'), 'user_fields' => __('Other fields', 'leadtrail'),
					'status' => __('Status', 'leadtrail'), 'delivery' => __('Forwarded to CoMagic', 'leadtrail'), 'verified' => __('Sent', 'leadtrail'),
				],
				static fn (array $row, Person $person): array => [
					'delivery' => DeliveryLabel::short($row['state'] === null ? null : ['state' => $row['state'], 'next_try_at' => $row['next_try_at']]),
					'verified' => self::given($row['verified']),
				] + self::ofVisitor($row, $person) + self::localTimes('created_at')($row),
			),
			'callbacks' => new ExportSection(
				'leadtrail-callbacks',
				__('LeadTrail: callback orders', 'leadtrail'),
				__('Phone calls ordered on this site.', 'leadtrail'),
				'leadtrail-callback',
				"{$table(Tables::CALLBACKS)} b",
				'b.id, b.visitor_id, b.created_at, b.page_url, b.phone, b.call_at, b.status',
				$byVisitor('b.visitor_id'),
				['visitor_id' => $visitorId, 'created_at' => $time, 'page_url' => $page, 'phone' => __('Phone', 'leadtrail'), 'call_at' => __('Call at', 'leadtrail'), 'status' => __('Status', 'leadtrail')],
				self::localTimes('created_at', 'call_at'),
			),
			'calls' => new ExportSection(
				'leadtrail-calls',
				__('LeadTrail: phone calls', 'leadtrail'),
				__('Phone calls to this site\'s numbers that were attributed to this person\'s visits.', 'leadtrail'),
				'leadtrail-call',
				"{$table(Tables::PHONE_CALLS)} pc",
				'pc.id, pc.visitor_id, pc.started_at, pc.caller, pc.called, pc.duration, pc.answered, pc.source, pc.recording_url',
				$byVisitor('pc.visitor_id'),
				[
					'visitor_id' => $visitorId, 'started_at' => $time, 'caller' => __('Caller', 'leadtrail'), 'called' => __('Number called', 'leadtrail'),
					'duration' => __('Duration (s)', 'leadtrail'), 'answered' => __('Status', 'leadtrail'), 'source' => __('Source', 'leadtrail'),
					'recording_url' => __('Recording', 'leadtrail'),
				],
				static fn (array $row, Person $person): array => [
					'caller' => '+' . $row['caller'],
					'called' => '+' . $row['called'],
					'answered' => $row['answered'] === '1' ? __('Answered', 'leadtrail') : __('Missed', 'leadtrail'),
				] + self::localTimes('started_at')($row),
			),
			'chats' => new ExportSection(
				'leadtrail-chats',
				__('LeadTrail: chat messages', 'leadtrail'),
				__('Messages of the chats with this site\'s operators.', 'leadtrail'),
				'leadtrail-chat-message',
				"{$table(Tables::CHAT_MESSAGES)} m JOIN {$table(Tables::CHATS)} ch ON ch.id = m.chat_id",
				'm.id, ch.visitor_id, m.created_at, m.author, m.body',
				$byVisitor('ch.visitor_id'),
				['visitor_id' => $visitorId, 'created_at' => $time, 'author' => __('From', 'leadtrail'), 'body' => __('Message', 'leadtrail')],
				static fn (array $row, Person $person): array => [
					'author' => $row['author'] === 'visitor' ? __('Visitor', 'leadtrail') : __('Operator', 'leadtrail'),
					'created_at' => wp_date('Y-m-d H:i:s', (int) $row['created_at']),
				] + $row,
			),
			'number_holds' => new ExportSection(
				'leadtrail-number-holds',
				__('LeadTrail: tracking numbers shown', 'leadtrail'),
				__('The phone numbers this site showed during these visits and for how long, which attribute a call to a visit.', 'leadtrail'),
				'leadtrail-number-hold',
				"{$table(Tables::NUMBER_HOLDS)} nh",
				'nh.id, nh.visitor_id, nh.digits, nh.held_from, nh.held_until',
				$byVisitor('nh.visitor_id'),
				['visitor_id' => $visitorId, 'digits' => __('Number', 'leadtrail'), 'held_from' => __('From', 'leadtrail'), 'held_until' => __('Until', 'leadtrail')],
				static fn (array $row, Person $person): array => ['digits' => '+' . $row['digits']] + self::localTimes('held_from', 'held_until')($row),
			),
			'properties' => new ExportSection(
				'leadtrail-properties',
				__('LeadTrail: visitor properties', 'leadtrail'),
				__('Values this site\'s pages stored about the visitor.', 'leadtrail'),
				'leadtrail-property',
				"{$table(Tables::PROPERTIES)} p",
				'p.id, p.visitor_id, p.name, p.value, p.updated_at',
				$byVisitor('p.visitor_id'),
				['visitor_id' => $visitorId, 'name' => __('Name', 'leadtrail'), 'value' => __('Value', 'leadtrail'), 'updated_at' => __('Updated', 'leadtrail')],
				self::localTimes('updated_at'),
			),
			'events' => new ExportSection(
				'leadtrail-events',
				__('LeadTrail: events', 'leadtrail'),
				__('Actions on this site\'s pages that the site recorded.', 'leadtrail'),
				'leadtrail-event',
				"{$table(Tables::EVENTS)} e",
				'e.id, e.visitor_id, e.created_at, e.category, e.action, e.name, e.value',
				$byVisitor('e.visitor_id'),
				['visitor_id' => $visitorId, 'created_at' => $time, 'category' => __('Category', 'leadtrail'), 'action' => __('Action', 'leadtrail'), 'name' => __('Name', 'leadtrail'), 'value' => __('Value', 'leadtrail')],
				self::localTimes('created_at'),
			),
			'sessions' => new ExportSection(
				'leadtrail-sessions',
				__('LeadTrail: sessions', 'leadtrail'),
				__('Visits to this site, with where they came from.', 'leadtrail'),
				'leadtrail-session',
				"{$table(Tables::SESSIONS)} s",
				's.id, s.visitor_id, s.started_at, s.source, s.medium, s.campaign, s.landing_url, s.referrer',
				$byVisitor('s.visitor_id'),
				[
					'visitor_id' => $visitorId, 'started_at' => __('Start', 'leadtrail'), 'source' => __('Source', 'leadtrail'), 'medium' => __('Medium', 'leadtrail'),
					'campaign' => __('Campaign', 'leadtrail'), 'landing_url' => __('Landing page', 'leadtrail'), 'referrer' => __('Referrer', 'leadtrail'),
				],
				self::localTimes('started_at'),
			),
			'hits' => new ExportSection(
				'leadtrail-hits',
				__('LeadTrail: page views', 'leadtrail'),
				__('Pages of this site that were viewed.', 'leadtrail'),
				'leadtrail-hit',
				"{$table(Tables::HITS)} h",
				'h.id, h.visitor_id, h.created_at, h.url, h.title',
				$byVisitor('h.visitor_id'),
				['visitor_id' => $visitorId, 'created_at' => $time, 'url' => __('Address', 'leadtrail'), 'title' => __('Title', 'leadtrail')],
				self::localTimes('created_at'),
			),
		];
	}

	/**
	 * The row's visitor and page, left out when the row links no visitor of the person: given
	 * without the token, they may be another visitor's (the page is then that visitor's hit).
	 *
	 * @param array<string, string|null> $row
	 * @return array{visitor_id?: null, page_url?: null}
	 */
	private static function ofVisitor(array $row, Person $person): array
	{
		return $person->owns((int) $row['visitor_id']) ? [] : ['visitor_id' => null, 'page_url' => null];
	}

	/** How a row's provenance (its `verified` flag) reads in the export. */
	private static function given(?string $verified): string
	{
		return $verified === '1'
			? __('By the visitor, with its token', 'leadtrail')
			: __('Without the visitor\'s token', 'leadtrail');
	}

	/**
	 * The row with $columns (stored UTC) in the site's time zone, as the admin screens show them.
	 *
	 * @return \Closure(array<string, string|null>): array<string, string|null>
	 */
	private static function localTimes(string ...$columns): \Closure
	{
		return static function (array $row) use ($columns): array {
			foreach ($columns as $column) {
				$row[$column] = $row[$column] === null ? null : AdminTime::localIso((string) $row[$column]);
			}
			return $row;
		};
	}
}
