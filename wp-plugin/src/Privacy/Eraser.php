<?php

declare(strict_types=1);

namespace LeadTrail\Privacy;

use LeadTrail\Cloud\Delivery;
use LeadTrail\Contacts\Contact;
use LeadTrail\Ingest\StorageUnavailable;
use LeadTrail\Phones\NumberHistory;
use LeadTrail\Storage\Sql;
use LeadTrail\Storage\Tables;

/**
 * WordPress's personal data eraser for LeadTrail (Tools > Erase Personal Data). Each call deletes
 * at most BUDGET rows; WordPress calls again until one says it is done. The page number is not
 * needed: each call finds the person again in what is left.
 *
 * That is why the rows that identify the person (the contacts and the requests with the address)
 * go last: until every other row of its visitors is gone, they still lead a later call there.
 * Of a visitor that the address does not link (Person), only the rows with the address go.
 */
final class Eraser
{
	public const BUDGET = 1000;

	private readonly Sql $sql;
	/** Leads of the person that CoMagic already has (cloud mode), found in this call. */
	private int $forwarded = 0;

	public function __construct(private readonly \wpdb $wpdb)
	{
		$this->sql = new Sql($wpdb);
	}

	/**
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}|\WP_Error
	 */
	public function erase(string $email): array|\WP_Error
	{
		$person = (new PersonFinder($this->wpdb))->find($email);
		if ($person === null || $person->isEmpty()) {
			return ['items_removed' => false, 'items_retained' => false, 'messages' => [], 'done' => true];
		}
		try {
			$run = DeletionRun::run($this->steps($person), self::BUDGET);
		} catch (StorageUnavailable) {
			return new \WP_Error('leadtrail_erase_failed', __('LeadTrail could not erase this person\'s data: the database failed. Try again.', 'leadtrail'));
		}
		$messages = [];
		if ($this->forwarded > 0) {
			$messages[] = esc_html(sprintf(
				/* translators: %d: number of leads */
				_n(
					'%d lead of this person was forwarded to CoMagic (cloud mode). LeadTrail erased its own copy; erase the lead in your CoMagic account too.',
					'%d leads of this person were forwarded to CoMagic (cloud mode). LeadTrail erased its own copies; erase the leads in your CoMagic account too.',
					$this->forwarded,
					'leadtrail'
				),
				$this->forwarded
			));
		}
		return ['items_removed' => $run->removed > 0, 'items_retained' => false, 'messages' => $messages, 'done' => $run->done];
	}

	/** @return list<\Closure(int): int> */
	private function steps(Person $person): array
	{
		$table = fn (string $name): string => Tables::name($this->wpdb, $name);
		$contacts = $table(Tables::CONTACTS);
		$requests = $table(Tables::REQUESTS);
		$ofVisitors = fn (string $name, string $order = 'id'): \Closure
			=> fn (int $limit): int => $this->delete($table($name), $person->visitors('visitor_id'), $order, $limit);
		[$visitorsOnly, $visitorArgs] = $person->visitors('visitor_id');

		return [
			$ofVisitors(Tables::HITS),
			$ofVisitors(Tables::EVENTS),
			$ofVisitors(Tables::SESSIONS),
			$ofVisitors(Tables::PROPERTIES),
			$ofVisitors(Tables::REQUESTS_SEEN, 'visitor_id, request_id'),
			$ofVisitors(Tables::CALLBACKS),
			$ofVisitors(Tables::PHONE_CALLS),
			// The chats' messages first: they name no visitor, only their chat.
			fn (int $limit): int => $this->delete(
				$table(Tables::CHAT_MESSAGES),
				["chat_id IN (SELECT id FROM {$table(Tables::CHATS)} WHERE {$visitorsOnly})", $visitorArgs],
				'id',
				$limit
			),
			$ofVisitors(Tables::CHATS),
			$ofVisitors(Tables::NUMBER_HOLDS),
			fn (int $limit): int => $this->unlinkNumbers($person, $limit),
			fn (int $limit): int => $this->deleteOutbox($person, $limit),
			fn (int $limit): int => $this->delete($table(Tables::VISITORS), $person->visitors('id'), 'id', $limit),
			fn (int $limit): int => $this->delete(
				$contacts,
				["{$visitorsOnly} AND NOT (kind = %s AND normalized_hash = %s)", [...$visitorArgs, Contact::EMAIL, sha1($person->email)]],
				'id',
				$limit
			),
			// The requests with the address (as PersonFinder preselects them) stay for the next step.
			fn (int $limit): int => $this->delete(
				$requests,
				["{$visitorsOnly} AND (email IS NULL OR email NOT LIKE %s)", [...$visitorArgs, PersonFinder::addressPattern($this->wpdb, $person->email)]],
				'id',
				$limit
			),
			fn (int $limit): int => $this->delete($requests, $person->requests($requests), 'id', $limit),
			fn (int $limit): int => $this->delete($contacts, $person->contacts($contacts), 'id', $limit),
		];
	}

	/**
	 * The outbox rows of the person's requests, delivered or not: a lead not yet sent is never
	 * sent. Those CoMagic has, or may have (being sent now), are counted for the message.
	 */
	private function deleteOutbox(Person $person, int $limit): int
	{
		$wpdb = $this->wpdb;
		[$where, $args] = $person->requests('r');
		$rows = $wpdb->get_results($wpdb->prepare(
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- Person's condition, with placeholders for $args
			"SELECT o.id, o.state FROM {$wpdb->leadtrail_outbox} o JOIN {$wpdb->leadtrail_requests} r ON r.id = o.request_id WHERE {$where} ORDER BY o.id LIMIT %d",
			...[...$args, $limit]
		), ARRAY_A);
		$this->sql->failIfError();
		if (!is_array($rows) || $rows === []) {
			return 0;
		}
		$ids = array_map(static fn (array $row): int => (int) $row['id'], $rows);
		$deleted = $this->delete($wpdb->leadtrail_outbox, ['id IN (' . implode(', ', array_fill(0, count($ids), '%d')) . ')', $ids], 'id', $limit);
		$this->forwarded += count(array_filter($rows, static fn (array $row): bool => in_array($row['state'], [Delivery::DELIVERED, Delivery::SENDING], true)));
		return $deleted;
	}

	/** The pool numbers the person's visitors hold or held last no longer name them (NumberHistory). */
	private function unlinkNumbers(Person $person, int $limit): int
	{
		$wpdb = $this->wpdb;
		[$where, $args] = $person->visitors('visitor_id');
		if ($args === []) {
			return 0;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- NumberHistory's statement, with placeholders for Person's $args and the limit
		return $this->sql->execute($wpdb->prepare(NumberHistory::unlinkSlots($wpdb->prefix, $where), ...[...$args, $limit]));
	}

	/**
	 * Deletes up to $limit rows, in the order of $order (so that a replica deletes the same rows).
	 *
	 * @param array{0: string, 1: list<int|string>} $condition
	 * @throws StorageUnavailable
	 */
	private function delete(string $table, array $condition, string $order, int $limit): int
	{
		$wpdb = $this->wpdb;
		[$where, $args] = $condition;
		if ($args === []) {
			// No visitor ("1 = 0"): nothing to delete, and prepare() needs an argument.
			return 0;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- tables, conditions (placeholders for $args) and orders of steps()
		return $this->sql->execute($wpdb->prepare("DELETE FROM {$table} WHERE {$where} ORDER BY {$order} LIMIT %d", ...[...$args, $limit]));
	}
}
