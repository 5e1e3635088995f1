<?php

declare(strict_types=1);

namespace LeadTrail\Retention;

use LeadTrail\Phones\NumberHistory;
use LeadTrail\Storage\Tables;

/**
 * The Pruner's steps in SQL: each statement deletes at most one batch through an
 * index on the row's own time, so no statement locks much of a table for long.
 * Leads (requests) and callback orders are never deleted here.
 */
final class WpdbPruneStore implements PruneStore
{
	/** What a deleted visitor leaves behind: its properties, contacts and call answers. */
	private const VISITOR_DATA = [Tables::PROPERTIES, Tables::CONTACTS, Tables::REQUESTS_SEEN];

	/** The visitors step walks the old visitors by id: those it keeps are not read again in this run. */
	private int $afterVisitor = 0;

	public function __construct(private readonly \wpdb $wpdb)
	{
	}

	public function delete(string $step, string $cutoff, int $limit): int
	{
		$wpdb = $this->wpdb;
		if ($step === Pruner::VISITORS) {
			return $this->deleteIdleVisitors($cutoff, $limit);
		}
		if ($step === Pruner::CHATS) {
			return $this->deleteOldChats((int) strtotime($cutoff . ' UTC'), $limit);
		}
		if ($step === Pruner::NUMBER_HOLDS || $step === Pruner::NUMBER_SLOTS) {
			$sql = $step === Pruner::NUMBER_HOLDS ? NumberHistory::pruneHolds($wpdb->prefix) : NumberHistory::pruneSlots($wpdb->prefix);
			// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- NumberHistory's statement, with placeholders for the cutoff and the limit
			return (int) $wpdb->query($wpdb->prepare($sql, $cutoff, $limit));
		}
		// Each time-based step: its table and the column that dates a row.
		return (int) match ($step) {
			Pruner::EVENTS => $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_events} WHERE created_at < %s LIMIT %d", $cutoff, $limit)),
			Pruner::HITS => $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_hits} WHERE created_at < %s LIMIT %d", $cutoff, $limit)),
			Pruner::SESSIONS => $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_sessions} WHERE last_hit_at < %s LIMIT %d", $cutoff, $limit)),
			Pruner::CALLS_SEEN => $wpdb->query($wpdb->prepare("DELETE FROM {$wpdb->leadtrail_requests_seen} WHERE created_at < %s LIMIT %d", $cutoff, $limit)),
			default => throw new \LogicException('No such step: ' . $step),
		};
	}

	/**
	 * Chats untouched since the cutoff (unix seconds: chats keep their times so), their
	 * messages first. Answers how many chats went.
	 */
	private function deleteOldChats(int $cutoff, int $limit): int
	{
		$wpdb = $this->wpdb;
		$ids = array_map('intval', $wpdb->get_col($wpdb->prepare(
			"SELECT id FROM {$wpdb->leadtrail_chats} WHERE updated_at < %d ORDER BY id LIMIT %d",
			$cutoff,
			$limit
		)));
		if ($ids === []) {
			return 0;
		}
		$wpdb->query($wpdb->prepare(
			"DELETE FROM {$wpdb->leadtrail_chat_messages} WHERE chat_id IN (" . implode(',', array_fill(0, count($ids), '%d')) . ')',
			...$ids
		));
		return (int) $wpdb->query($wpdb->prepare(
			"DELETE FROM {$wpdb->leadtrail_chats} WHERE id IN (" . implode(',', array_fill(0, count($ids), '%d')) . ')',
			...$ids
		));
	}

	/**
	 * Visitors not seen since the cutoff that have nothing left that keeps them,
	 * then their own data. The last-seen test also spares a visitor whose first
	 * hit is being written right now. Answers how many old visitors it looked at.
	 */
	private function deleteIdleVisitors(string $cutoff, int $limit): int
	{
		$wpdb = $this->wpdb;
		$ids = array_map('intval', $wpdb->get_col($wpdb->prepare(
			"SELECT id FROM {$wpdb->leadtrail_visitors} WHERE id > %d AND last_seen_at < %s ORDER BY id LIMIT %d",
			$this->afterVisitor,
			$cutoff,
			$limit
		)));
		if ($ids === []) {
			return 0;
		}
		$this->afterVisitor = max($ids);
		// A visitor with rows in any of the NOT EXISTS tables is kept.
		$wpdb->query($wpdb->prepare(
			"DELETE FROM {$wpdb->leadtrail_visitors} WHERE id IN (" . implode(',', array_fill(0, count($ids), '%d')) . ") AND last_seen_at < %s
				AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_sessions} k WHERE k.visitor_id = {$wpdb->leadtrail_visitors}.id)
				AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_hits} k WHERE k.visitor_id = {$wpdb->leadtrail_visitors}.id)
				AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_events} k WHERE k.visitor_id = {$wpdb->leadtrail_visitors}.id)
				AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_requests} k WHERE k.visitor_id = {$wpdb->leadtrail_visitors}.id)
				AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_callbacks} k WHERE k.visitor_id = {$wpdb->leadtrail_visitors}.id)
				AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_phone_calls} k WHERE k.visitor_id = {$wpdb->leadtrail_visitors}.id)
				AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_chats} k WHERE k.visitor_id = {$wpdb->leadtrail_visitors}.id)",
			...[...$ids, $cutoff]
		));
		// Only the data of the visitors that are gone: a kept visitor keeps its own.
		foreach (self::VISITOR_DATA as $table) {
			$name = Tables::name($wpdb, $table);
			$wpdb->query($wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- $name: a table of self::VISITOR_DATA
				"DELETE FROM {$name} WHERE visitor_id IN (" . implode(',', array_fill(0, count($ids), '%d')) . ") AND NOT EXISTS (SELECT 1 FROM {$wpdb->leadtrail_visitors} v WHERE v.id = {$name}.visitor_id)",
				...$ids
			));
		}
		return count($ids);
	}
}
